ALTER TABLE "operators" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
CREATE UNIQUE INDEX "operators_oidc_identity_unique" ON "operators" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_oidc_identity_together" CHECK (("operators"."oidc_issuer" is null) = ("operators"."oidc_subject" is null));
CREATE TABLE "operator_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD COLUMN "mfa_enrolment_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "totp_enrolled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "operators" ADD COLUMN "mfa_reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operator_recovery_codes" ADD CONSTRAINT "operator_recovery_codes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operator_recovery_codes_operator_hash_unique" ON "operator_recovery_codes" USING btree ("operator_id","code_hash");--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_totp_enrolled_together" CHECK (("operators"."totp_secret" is null) = ("operators"."totp_enrolled_at" is null));--> statement-breakpoint
-- PCI DSS 8.4.2: sessions opened by a password alone end now; password operators sign in again, with MFA.
UPDATE "operator_sessions" SET "revoked_at" = now() WHERE "revoked_at" IS NULL AND "operator_id" IN (SELECT "id" FROM "operators" WHERE "password_hash" IS NOT NULL);

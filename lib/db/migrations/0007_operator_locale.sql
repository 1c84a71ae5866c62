ALTER TABLE "operators" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_locale_known" CHECK ("operators"."locale" in ('ko', 'en'));
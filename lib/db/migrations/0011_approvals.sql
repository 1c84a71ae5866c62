CREATE TABLE "approval_policy" (
	"id" text PRIMARY KEY DEFAULT 'current' NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_by_email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_policy_single_row" CHECK ("approval_policy"."id" = 'current')
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"member_id" text NOT NULL,
	"card_ref" text,
	"input" jsonb NOT NULL,
	"reason" text,
	"reason_text" text,
	"idempotency_key" uuid NOT NULL,
	"maker_id" uuid,
	"maker_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"checker_id" uuid,
	"checker_email" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"executed_at" timestamp with time zone,
	"outcome" jsonb,
	CONSTRAINT "approval_requests_action_known" CHECK ("approval_requests"."action" IN ('reissue-prepaid', 'issue-debit', 'issue-prepaid', 'suspend-card')),
	CONSTRAINT "approval_requests_status_known" CHECK ("approval_requests"."status" IN ('pending', 'executing', 'executed', 'failed', 'rejected', 'withdrawn', 'expired')),
	CONSTRAINT "approval_requests_member_digits" CHECK ("approval_requests"."member_id" ~ '^[0-9]{1,19}$'),
	CONSTRAINT "approval_requests_not_self_approved" CHECK ("approval_requests"."checker_id" IS NULL OR "approval_requests"."maker_id" IS NULL OR "approval_requests"."checker_id" <> "approval_requests"."maker_id"),
	CONSTRAINT "approval_requests_expiry_after_creation" CHECK ("approval_requests"."expires_at" > "approval_requests"."created_at")
);
--> statement-breakpoint
ALTER TABLE "approval_policy" ADD CONSTRAINT "approval_policy_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_maker_id_operators_id_fk" FOREIGN KEY ("maker_id") REFERENCES "public"."operators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_checker_id_operators_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."operators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_idempotency_key_unique" ON "approval_requests" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "approval_requests_status_idx" ON "approval_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "approval_requests_member_idx" ON "approval_requests" USING btree ("member_id","created_at" DESC NULLS LAST);
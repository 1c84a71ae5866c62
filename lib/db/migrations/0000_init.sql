CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"operator_id" uuid,
	"operator_email" text,
	"operator_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"action" text NOT NULL,
	"member_id" text,
	"card_ref" text,
	"request_summary" jsonb,
	"outcome" text NOT NULL,
	"result_code" text,
	"correlation_id" text,
	"duration_ms" integer,
	"client_ip" text,
	"user_agent" text,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_member_id_digits" CHECK ("audit_events"."member_id" ~ '^[0-9]{1,19}$'),
	CONSTRAINT "audit_events_outcome_known" CHECK ("audit_events"."outcome" IN ('ok', 'rejected', 'upstream_error', 'unknown', 'forbidden'))
);
--> statement-breakpoint
CREATE TABLE "card_state_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "card_state_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" text NOT NULL,
	"par" text NOT NULL,
	"state" jsonb NOT NULL,
	"state_hash" text NOT NULL,
	"audit_event_id" bigint,
	CONSTRAINT "card_state_history_member_id_digits" CHECK ("card_state_history"."member_id" ~ '^[0-9]{1,19}$')
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" uuid PRIMARY KEY NOT NULL,
	"operator_id" uuid NOT NULL,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"outcome" jsonb
);
--> statement-breakpoint
CREATE TABLE "operator_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_id" uuid NOT NULL,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "operators_email_lowercase" CHECK ("operators"."email" = lower("operators"."email")),
	CONSTRAINT "operators_roles_known" CHECK ("operators"."roles" <@ ARRAY['agent', 'manager', 'qa', 'admin']::text[]),
	CONSTRAINT "operators_failed_attempts_nonnegative" CHECK ("operators"."failed_attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "card_state_history" ADD CONSTRAINT "card_state_history_audit_event_id_audit_events_id_fk" FOREIGN KEY ("audit_event_id") REFERENCES "public"."audit_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_sessions" ADD CONSTRAINT "operator_sessions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_id_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_operator_idx" ON "audit_events" USING btree ("operator_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_member_idx" ON "audit_events" USING btree ("member_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_outcome_idx" ON "audit_events" USING btree ("outcome","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_result_code_idx" ON "audit_events" USING btree ("result_code","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_correlation_idx" ON "audit_events" USING btree ("correlation_id");--> statement-breakpoint
CREATE INDEX "card_state_history_par_observed_idx" ON "card_state_history" USING btree ("par","observed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "card_state_history_member_idx" ON "card_state_history" USING btree ("member_id","observed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "operator_sessions_operator_idx" ON "operator_sessions" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operators_email_unique" ON "operators" USING btree ("email");
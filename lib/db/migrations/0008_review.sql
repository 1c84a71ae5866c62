CREATE TABLE "review_access_sign_offs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_access_sign_offs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_by_email" text NOT NULL,
	"signed_by_roles" text[] NOT NULL,
	"comment" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_hash" text NOT NULL,
	"operator_count" integer NOT NULL,
	"flagged_count" integer NOT NULL,
	CONSTRAINT "review_access_sign_offs_comment_length" CHECK (char_length("review_access_sign_offs"."comment") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
CREATE TABLE "review_daily_counts" (
	"day" date NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"result_code" text NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "review_daily_counts_pk" PRIMARY KEY("day","action","outcome","result_code")
);
--> statement-breakpoint
CREATE TABLE "review_finding_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_finding_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"finding_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"operator_id" uuid NOT NULL,
	"operator_email" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"comment" text NOT NULL,
	CONSTRAINT "review_finding_events_from_known" CHECK ("review_finding_events"."from_status" IN ('open', 'acknowledged', 'resolved')),
	CONSTRAINT "review_finding_events_to_known" CHECK ("review_finding_events"."to_status" IN ('open', 'acknowledged', 'resolved')),
	CONSTRAINT "review_finding_events_comment_length" CHECK (char_length("review_finding_events"."comment") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
CREATE TABLE "review_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject" text NOT NULL,
	"subject_label" text,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"evidence_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"evidence_count" integer NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"first_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_run_id" bigint,
	"last_run_id" bigint,
	"status_changed_at" timestamp with time zone,
	"status_changed_by" uuid,
	"status_changed_by_email" text,
	CONSTRAINT "review_findings_severity_known" CHECK ("review_findings"."severity" IN ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "review_findings_status_known" CHECK ("review_findings"."status" IN ('open', 'acknowledged', 'resolved')),
	CONSTRAINT "review_findings_subject_kind_known" CHECK ("review_findings"."subject_kind" IN ('operator', 'email', 'action', 'card', 'audit-event')),
	CONSTRAINT "review_findings_window_ordered" CHECK ("review_findings"."window_start" < "review_findings"."window_end"),
	CONSTRAINT "review_findings_evidence_count" CHECK ("review_findings"."evidence_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "review_rollup_buckets" (
	"kind" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rollup_buckets_pk" PRIMARY KEY("kind","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "review_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"triggered_by" text NOT NULL,
	"requested_by" uuid,
	"requested_by_email" text,
	"status" text DEFAULT 'running' NOT NULL,
	"range_from" timestamp with time zone NOT NULL,
	"range_to" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"findings_new" integer DEFAULT 0 NOT NULL,
	"findings_updated" integer DEFAULT 0 NOT NULL,
	"chain_head_id" bigint,
	"chain_head_hash" text,
	"chain_checked" integer,
	"chain_full" boolean,
	"error" text,
	CONSTRAINT "review_runs_trigger_known" CHECK ("review_runs"."triggered_by" IN ('schedule', 'manual')),
	CONSTRAINT "review_runs_status_known" CHECK ("review_runs"."status" IN ('running', 'completed', 'failed', 'abandoned')),
	CONSTRAINT "review_runs_range_ordered" CHECK ("review_runs"."range_from" < "review_runs"."range_to")
);
--> statement-breakpoint
CREATE TABLE "review_view_hours" (
	"operator_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"members" integer NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "review_view_hours_pk" PRIMARY KEY("operator_id","hour")
);
--> statement-breakpoint
CREATE TABLE "saved_audit_views" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_audit_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"operator_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_audit_views_name_length" CHECK (char_length("saved_audit_views"."name") BETWEEN 1 AND 80)
);
--> statement-breakpoint
ALTER TABLE "review_finding_events" ADD CONSTRAINT "review_finding_events_finding_id_review_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."review_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_findings" ADD CONSTRAINT "review_findings_first_run_id_review_runs_id_fk" FOREIGN KEY ("first_run_id") REFERENCES "public"."review_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_findings" ADD CONSTRAINT "review_findings_last_run_id_review_runs_id_fk" FOREIGN KEY ("last_run_id") REFERENCES "public"."review_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_audit_views" ADD CONSTRAINT "saved_audit_views_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_access_sign_offs_signed_idx" ON "review_access_sign_offs" USING btree ("signed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "review_finding_events_finding_idx" ON "review_finding_events" USING btree ("finding_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_findings_dedupe" ON "review_findings" USING btree ("rule","subject_kind","subject","window_start");--> statement-breakpoint
CREATE INDEX "review_findings_window_idx" ON "review_findings" USING btree ("window_start" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "review_findings_status_idx" ON "review_findings" USING btree ("status","window_start" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "review_runs_one_running" ON "review_runs" USING btree ((true)) WHERE "review_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "review_runs_started_idx" ON "review_runs" USING btree ("started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "review_view_hours_hour_idx" ON "review_view_hours" USING btree ("hour");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_audit_views_operator_name_unique" ON "saved_audit_views" USING btree ("operator_id",lower("name"));--> statement-breakpoint
CREATE INDEX "audit_events_card_ref_idx" ON "audit_events" USING btree ("card_ref","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "card_state_history_observed_idx" ON "card_state_history" USING btree ("observed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
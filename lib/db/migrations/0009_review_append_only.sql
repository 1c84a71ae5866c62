-- The review's records of management action are append-only, on PostgreSQL and PGlite alike:
-- a finding's status changes (review_finding_events) and the access review's sign-offs
-- (review_access_sign_offs) refuse UPDATE, DELETE and TRUNCATE. Findings themselves are updated
-- (new evidence, their status) but never removed: DELETE and TRUNCATE are refused.
CREATE OR REPLACE FUNCTION "review_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Review records can only be added.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "review_finding_events_append_only"
  BEFORE UPDATE OR DELETE ON "review_finding_events"
  FOR EACH ROW EXECUTE FUNCTION "review_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "review_finding_events_no_truncate"
  BEFORE TRUNCATE ON "review_finding_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "review_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "review_access_sign_offs_append_only"
  BEFORE UPDATE OR DELETE ON "review_access_sign_offs"
  FOR EACH ROW EXECUTE FUNCTION "review_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "review_access_sign_offs_no_truncate"
  BEFORE TRUNCATE ON "review_access_sign_offs"
  FOR EACH STATEMENT EXECUTE FUNCTION "review_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "review_findings_no_delete"
  BEFORE DELETE ON "review_findings"
  FOR EACH ROW EXECUTE FUNCTION "review_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "review_findings_no_truncate"
  BEFORE TRUNCATE ON "review_findings"
  FOR EACH STATEMENT EXECUTE FUNCTION "review_refuse_change"();

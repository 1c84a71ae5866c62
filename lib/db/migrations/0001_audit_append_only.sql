-- audit_events is append-only: refuse UPDATE, DELETE and TRUNCATE, on PostgreSQL and PGlite alike.
--
-- Retention: a purge of old events will be added later. It will run in a transaction that sets a
-- session setting (e.g. `SET LOCAL konaplate.audit_purge = 'on'`) which this function will check
-- before allowing a DELETE of rows older than the retention period. Not implemented yet: today
-- every UPDATE/DELETE/TRUNCATE is refused.
CREATE OR REPLACE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit events can only be inserted.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();

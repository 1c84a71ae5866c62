-- audit_events stays append-only, with one exception: the retention purge (lib/audit/purge.ts,
-- scripts/audit-purge.ts) may DELETE rows older than the retention cutoff. UPDATE and TRUNCATE
-- are always refused.
--
-- A DELETE is allowed only when, in the same transaction:
--   SET LOCAL konaplate.audit_purge        = 'on'
--   SET LOCAL konaplate.audit_purge_xact   = txid_current()   -- binds the flag to this transaction
--   SET LOCAL konaplate.audit_purge_before = '<cutoff, timestamptz>'
-- and the row's `at` is before the cutoff, and the cutoff is itself at least the minimum
-- retention (30 days, fixed here: changing it needs a migration, not a setting) in the past.
--
-- So an ordinary application connection cannot delete recent rows, whatever it sets: the
-- 30-day floor is enforced by the database. A plain session-level SET on a pooled connection
-- does not leak into later transactions either, because the transaction id must match. The
-- purge also takes the chain lock and appends an audited `audit-purge` event that records the
-- hash of the last removed event, which is what the chain verifier accepts as the new start.
CREATE OR REPLACE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  purge_flag   text := current_setting('konaplate.audit_purge', true);
  purge_xact   text := current_setting('konaplate.audit_purge_xact', true);
  purge_before text := current_setting('konaplate.audit_purge_before', true);
  cutoff       timestamptz;
BEGIN
  IF TG_OP = 'DELETE'
     AND purge_flag = 'on'
     AND purge_xact = txid_current()::text
     AND coalesce(purge_before, '') <> '' THEN
    cutoff := purge_before::timestamptz;
    IF cutoff > now() - interval '30 days' THEN
      RAISE EXCEPTION 'audit_events purge refused: cutoff % is within the minimum retention of 30 days', cutoff
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD."at" < cutoff THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events purge refused: event % (at %) is not older than the cutoff %', OLD."id", OLD."at", cutoff
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit events can only be inserted; old events are removed only by the retention purge.';
END;
$$;

import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/lib/db';
import type { CardStateChangeView, CardStateSnapshot } from '@/lib/domain/audit';
import { cursorTimeSql, type Cursor } from '../cursor';
import { diffCardStates } from './snapshot';

/** A card_state_history row as the timelines read it: its change and where it sits in time. */
export interface ObservedState {
  change: CardStateChangeView;
  /** Exact time (UTC, microseconds) and id: keyset order and cursors. */
  position: Cursor;
  /** Exact time of the same card's previous row; null on its first sighting. */
  previousAt: string | null;
  /** The audit event of the read or action that observed it. */
  auditEventId: number | null;
}

interface StateRow extends Record<string, unknown> {
  id: string;
  observed_at: string;
  par: string;
  state: CardStateSnapshot;
  audit_event_id: string | null;
  prev_state: CardStateSnapshot | null;
  prev_observed_at: string | null;
}

/**
 * Up to `limit` rows of card_state_history `h` matching `where`, newest first, each with the
 * previous row of the same card through an index-bounded lateral lookup (what changed).
 */
export async function readObservedStates(db: Database, where: SQL, limit: number): Promise<ObservedState[]> {
  const rows = await queryRows<StateRow>(
    db,
    sql`
    select h.id::text as id, ${cursorTimeSql(sql`h.observed_at`)} as observed_at, h.par, h.state,
           h.audit_event_id::text as audit_event_id, p.state as prev_state, ${cursorTimeSql(sql`p.observed_at`)} as prev_observed_at
    from card_state_history h
    left join lateral (
      select p.state, p.observed_at from card_state_history p
      where p.par = h.par and (p.observed_at < h.observed_at or (p.observed_at = h.observed_at and p.id < h.id))
      order by p.observed_at desc, p.id desc limit 1
    ) p on true
    where ${where}
    order by h.observed_at desc, h.id desc
    limit ${limit}`,
  );
  return rows.map((row) => ({
    change: {
      id: Number(row.id),
      at: new Date(row.observed_at).toISOString(),
      par: row.par,
      state: row.state,
      first: row.prev_state === null,
      changes: diffCardStates(row.prev_state, row.state),
    },
    position: { at: row.observed_at, id: Number(row.id) },
    previousAt: row.prev_observed_at,
    auditEventId: row.audit_event_id === null ? null : Number(row.audit_event_id),
  }));
}

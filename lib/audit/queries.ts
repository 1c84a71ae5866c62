import 'server-only';
import { and, desc, eq, gte, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import type { AuditEventView } from '@/lib/domain/audit';
import { afterCursorSql, cursorTimeSql, encodeCursor, type Cursor } from './cursor';
import { auditEventColumns, toAuditEventView } from './event-view';
import { ROUTINE_ACTIONS, type AuditFilters } from './filters';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  rows: AuditEventView[];
  /** Opaque cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export function auditFilterConditions(filters: AuditFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.from && gte(auditEvents.at, filters.from),
    filters.toExclusive && lt(auditEvents.at, filters.toExclusive),
    filters.operatorEmail ? eq(auditEvents.operatorEmail, filters.operatorEmail) : undefined,
    filters.operatorId ? eq(auditEvents.operatorId, filters.operatorId) : undefined,
    filters.memberId ? eq(auditEvents.memberId, filters.memberId) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.outcome ? eq(auditEvents.outcome, filters.outcome) : undefined,
    filters.resultCode === null ? isNull(auditEvents.resultCode) : filters.resultCode ? eq(auditEvents.resultCode, filters.resultCode) : undefined,
    filters.cardState ? cardSeenInState(filters.cardState, filters) : undefined,
    filters.correlationId ? eq(auditEvents.correlationId, filters.correlationId) : undefined,
    // A filter on the rows of the index scan, not a scan of its own: sign-ins are about half.
    filters.hideRoutine ? notInArray(auditEvents.action, [...ROUTINE_ACTIONS]) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/**
 * The events whose card-state record saw a card in `bizStatus` (the overview's card-states
 * chart): a record is written when a read or an action finds a card's state changed, so these
 * are the events at which cards entered that state. Bounded by the time filters on the history's
 * own index, then joined to the events by id.
 */
function cardSeenInState(bizStatus: string, filters: AuditFilters): SQL {
  const from = filters.from ? sql`and h.observed_at >= ${filters.from.toISOString()}::timestamptz` : sql``;
  const to = filters.toExclusive ? sql`and h.observed_at < ${filters.toExclusive.toISOString()}::timestamptz` : sql``;
  return sql`${auditEvents.id} in (select h.audit_event_id from card_state_history h
    where h.audit_event_id is not null and coalesce(nullif(h.state->>'bizStatus', ''), 'unknown') = ${bizStatus} ${from} ${to})`;
}

/** An event of a keyset listing, with its position (exact time, id) for the next cursor. */
export interface ListedAuditEvent {
  event: AuditEventView;
  position: Cursor;
}

/**
 * Up to `limit` events matching every condition, newest first: (at DESC, id DESC), the order of
 * the indexes, so a page is one index range scan. Shared by the audit page and the member timeline.
 */
export async function listAuditEventsWhere(db: Database, conditions: SQL[], limit: number): Promise<ListedAuditEvent[]> {
  const rows = await db
    .select({ event: auditEventColumns, cursorAt: cursorTimeSql(auditEvents.at) })
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((row) => ({ event: toAuditEventView(row.event), position: { at: row.cursorAt, id: row.event.id } }));
}

async function readAuditPage(filters: AuditFilters, cursor: Cursor | null, limit: number, db: Database) {
  const conditions = auditFilterConditions(filters);
  if (cursor) conditions.push(afterCursorSql(auditEvents.at, auditEvents.id, cursor));
  const listed = await listAuditEventsWhere(db, conditions, limit + 1);
  const page = listed.slice(0, limit);
  return { rows: page.map((l) => l.event), next: listed.length > limit ? page[page.length - 1]!.position : null };
}

/** One page of events, newest first, keyset-paginated. */
export async function listAuditEvents(
  filters: AuditFilters,
  options: { cursor?: Cursor | null; limit?: number; db?: Database } = {},
): Promise<AuditPage> {
  const db = options.db ?? (await getDb());
  const { rows, next } = await readAuditPage(filters, options.cursor ?? null, options.limit ?? AUDIT_PAGE_SIZE, db);
  return { rows, nextCursor: next && encodeCursor(next) };
}

/** Every event matching `filters`, newest first, in keyset batches (for the CSV export). */
export async function* iterateAuditEvents(
  filters: AuditFilters,
  options: { batchSize?: number; db?: Database } = {},
): AsyncGenerator<AuditEventView[]> {
  const db = options.db ?? (await getDb());
  let cursor: Cursor | null = null;
  do {
    const page = await readAuditPage(filters, cursor, options.batchSize ?? 1_000, db);
    if (page.rows.length > 0) yield page.rows;
    cursor = page.next;
  } while (cursor);
}

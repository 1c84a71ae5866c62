import 'server-only';
import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import { decodeCursor, encodeCursor, type AuditFilters, type Cursor } from './filters';

export const AUDIT_PAGE_SIZE = 50;

/** One event as the audit page and the export show it (no hashes on the page; the export has them). */
export interface AuditEventView {
  id: number;
  /** ISO time (milliseconds). */
  at: string;
  operatorId: string | null;
  operatorEmail: string | null;
  operatorRoles: string[];
  action: string;
  memberId: string | null;
  cardRef: string | null;
  requestSummary: Record<string, unknown> | null;
  outcome: string;
  resultCode: string | null;
  correlationId: string | null;
  durationMs: number | null;
  clientIp: string | null;
  userAgent: string | null;
  hash: string;
}

export interface AuditPage {
  rows: AuditEventView[];
  /** Opaque cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The exact stored timestamp (microseconds) as UTC ISO text: a cursor that never skips a row. */
export const cursorAtSql = (column: typeof auditEvents.at | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function auditFilterConditions(filters: AuditFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.from && gte(auditEvents.at, filters.from),
    filters.toExclusive && lt(auditEvents.at, filters.toExclusive),
    filters.operatorEmail ? eq(auditEvents.operatorEmail, filters.operatorEmail) : undefined,
    filters.operatorId ? eq(auditEvents.operatorId, filters.operatorId) : undefined,
    filters.memberId ? eq(auditEvents.memberId, filters.memberId) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.outcome ? eq(auditEvents.outcome, filters.outcome) : undefined,
    filters.resultCode ? eq(auditEvents.resultCode, filters.resultCode) : undefined,
    filters.correlationId ? eq(auditEvents.correlationId, filters.correlationId) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/**
 * Rows strictly after the cursor in (at DESC, id DESC) order. Written as `at <= c AND (at < c OR
 * id < cid)` rather than a row comparison: the first term bounds the index range scan, the second
 * only discards the few rows sharing the cursor's timestamp.
 */
export function afterCursor(cursor: Cursor): SQL {
  const at = sql`${cursor.at}::timestamptz`;
  return and(lte(auditEvents.at, at), or(lt(auditEvents.at, at), lt(auditEvents.id, cursor.id)))!;
}

/** One page of events, newest first, keyset-paginated. */
export async function listAuditEvents(
  filters: AuditFilters,
  options: { cursor?: Cursor | null; limit?: number; db?: Database } = {},
): Promise<AuditPage> {
  const db = options.db ?? (await getDb());
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const conditions = auditFilterConditions(filters);
  if (options.cursor) conditions.push(afterCursor(options.cursor));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      cursorAt: cursorAtSql(auditEvents.at),
      operatorId: auditEvents.operatorId,
      operatorEmail: auditEvents.operatorEmail,
      operatorRoles: auditEvents.operatorRoles,
      action: auditEvents.action,
      memberId: auditEvents.memberId,
      cardRef: auditEvents.cardRef,
      requestSummary: auditEvents.requestSummary,
      outcome: auditEvents.outcome,
      resultCode: auditEvents.resultCode,
      correlationId: auditEvents.correlationId,
      durationMs: auditEvents.durationMs,
      clientIp: auditEvents.clientIp,
      userAgent: auditEvents.userAgent,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => {
      const { cursorAt, ...view } = row;
      void cursorAt; // only for the cursor
      return { ...view, id: Number(view.id), at: view.at.toISOString() };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: Number(last.id) }) : null,
  };
}

/** Every event matching `filters`, newest first, in keyset batches (for the CSV export). */
export async function* iterateAuditEvents(
  filters: AuditFilters,
  options: { batchSize?: number; db?: Database } = {},
): AsyncGenerator<AuditEventView[]> {
  const db = options.db ?? (await getDb());
  let cursor: Cursor | null = null;
  for (;;) {
    const page = await listAuditEvents(filters, { cursor, limit: options.batchSize ?? 1_000, db });
    if (page.rows.length > 0) yield page.rows;
    if (!page.nextCursor) return;
    cursor = decodeCursor(page.nextCursor);
  }
}

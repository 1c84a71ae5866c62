import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Keyset cursors of the audit page and the member timeline: the last row shown, by its exact
 * stored time (UTC, microseconds: a cursor rounded to milliseconds would skip or repeat rows)
 * and its id, plus, in a listing that merges several kinds of row, the kind. Opaque to the
 * browser: base64url of `<at>|<id>` or `<at>|<kind>|<id>`. Any text that is not exactly what
 * encodeCursor writes is refused, never repaired.
 */
export interface Cursor {
  /** e.g. `2026-05-01T00:00:00.123456Z`. */
  at: string;
  id: number;
}

export interface KindCursor<Kind extends string> extends Cursor {
  kind: Kind;
}

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,200}$/;
const EXACT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ROW_ID = /^[1-9][0-9]{0,15}$/;

export function encodeCursor(cursor: Cursor | KindCursor<string>): string {
  const parts = 'kind' in cursor ? [cursor.at, cursor.kind, cursor.id] : [cursor.at, cursor.id];
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

/** The cursor in `text`, or null when it is not one; with `kinds`, its kind must be one of them. */
export function decodeCursor(text: string): Cursor | null;
export function decodeCursor<Kind extends string>(text: string, kinds: readonly Kind[]): KindCursor<Kind> | null;
export function decodeCursor(text: string, kinds?: readonly string[]): Cursor | KindCursor<string> | null {
  if (!CURSOR_TEXT.test(text)) return null;
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (parts.length !== (kinds ? 3 : 2)) return null;
  const [at = '', id = ''] = kinds ? [parts[0], parts[2]] : parts;
  const kind = kinds ? parts[1]! : undefined;
  if (!EXACT_UTC.test(at) || !ROW_ID.test(id) || !Number.isSafeInteger(Number(id))) return null;
  if (kind !== undefined && !kinds!.includes(kind)) return null;
  // A real instant: 2026-02-30 is refused, not rolled over into March.
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 23) !== at.slice(0, 23)) return null;
  const cursor = kind === undefined ? { at, id: Number(id) } : { at, kind, id: Number(id) };
  // Only the one spelling encodeCursor writes (base64url has others for the same bytes).
  return encodeCursor(cursor) === text ? cursor : null;
}

/** A timestamp column as cursor text: the exact stored instant, in UTC. */
export const cursorTimeSql = (column: PgColumn | SQL) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Rows strictly after the cursor in (time DESC, id DESC) order. Written as `at <= c AND (at < c
 * OR id < cid)` rather than a row comparison: the first term bounds the index range scan, the
 * second only discards the few rows sharing the cursor's timestamp.
 */
export function afterCursorSql(time: PgColumn | SQL, id: PgColumn | SQL, cursor: Cursor): SQL {
  const at = sql`${cursor.at}::timestamptz`;
  return sql`(${time} <= ${at} and (${time} < ${at} or ${id} < ${cursor.id}))`;
}

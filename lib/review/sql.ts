import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** Small helpers shared by the review module's raw queries (whose rows differ per driver). */

/** A time as a query parameter, typed (both drivers take the ISO text the same way). */
export function ts(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** The epoch-aligned window of `windowMs` holding the time `column` (the same as time.ts's windowStart). */
export function windowStartSql(column: SQL, windowMs: number): SQL {
  return sql`date_bin(${`${windowMs} milliseconds`}::interval, ${column}, timestamptz '1970-01-01 00:00:00+00')`;
}

/** `'a', 'b'` of fixed, known values (never user input) for an `IN (…)`. */
export function textList(values: readonly string[]): SQL {
  for (const value of values) if (!/^[a-z0-9_-]+$/.test(value)) throw new Error(`not a plain value: ${value}`);
  return sql.raw(values.map((value) => `'${value}'`).join(', '));
}

/** A timestamp as either driver returns it (a Date, or text). */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A count or id as either driver returns it (number, bigint or text). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** An array of ids as either driver returns it (an array, or PostgreSQL's `{1,2}` text). */
export function toNumbers(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(toNumber);
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',').map(Number) : [];
  }
  return [];
}

/** A jsonb value as either driver returns it (parsed, or text). */
export function toJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

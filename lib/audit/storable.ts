/**
 * The stored form of an audited value. PostgreSQL refuses U+0000 in text and jsonb (22P05),
 * and a lone UTF-16 surrogate would be stored as something other than what was hashed; either
 * could make the audit write fail after Konaplate acted. So before hashing and storing, every
 * string — keys included — has NUL written as the visible text `\u0000` and each lone
 * surrogate as U+FFFD. Nothing else changes: what was asked stays readable as evidence.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\\u0000');
}

/** A JSON-like value with every string in its stored form; what JSON cannot hold becomes text. */
export function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || typeof value === 'boolean' || value === undefined) return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(storableValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableValue(item)]));
  }
  return String(value);
}

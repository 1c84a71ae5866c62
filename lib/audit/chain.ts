import { createHash, createHmac } from 'node:crypto';
import type { AuditEventView } from '@/lib/domain/audit';

/**
 * The audit trail's tamper evidence: each event's hash covers its own content and the
 * previous event's hash, so changing or removing any row breaks every later link.
 */

/**
 * What an event's hash covers: everything it records but its id and hash. Spelled out rather
 * than derived, since a name added here changes the hash of every event written after it.
 */
const CHAINED_FIELDS = [
  'at', 'operatorId', 'operatorEmail', 'operatorRoles', 'action', 'memberId', 'cardRef',
  'requestSummary', 'outcome', 'resultCode', 'correlationId', 'durationMs', 'clientIp', 'userAgent',
] as const satisfies readonly (keyof AuditEventView)[];

/** An event's chained content: its time as stored (a Date), its roles as the actor held them. */
export type ChainedFields = Omit<Pick<AuditEventView, (typeof CHAINED_FIELDS)[number]>, 'at' | 'operatorRoles'> & {
  at: Date;
  operatorRoles: readonly string[];
};

/** JSON with object keys sorted at every depth: the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A key of the chain's HMAC. Its id (from a hash of the secret, never the secret) is written in
 * front of every hash it makes, so the verifier knows which key to use after a rotation.
 */
export interface ChainKey {
  id: string;
  secret: string;
}

export function chainKey(secret: string): ChainKey {
  return { id: `k${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`, secret };
}

const KEYED_HASH = /^(k[0-9a-f]{8}):[0-9a-f]{64}$/;

/** The id of the key a stored hash was made with, or null for an unkeyed hash (written before keys). */
export function hashKeyId(hash: string): string | null {
  return KEYED_HASH.exec(hash)?.[1] ?? null;
}

/**
 * An event's hash over its content and the previous event's hash: `<key id>:<HMAC-SHA256>` with
 * a key, so that nobody without the key can recompute a rewritten chain; plain SHA-256 without
 * one (how events were chained before keys, still verified as such).
 */
export function eventHash(prevHash: string | null, fields: ChainedFields, key?: ChainKey): string {
  const content = Object.fromEntries(CHAINED_FIELDS.map((name) => [name, fields[name]]));
  const digest = (key ? createHmac('sha256', key.secret) : createHash('sha256'))
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
  return key ? `${key.id}:${digest}` : digest;
}

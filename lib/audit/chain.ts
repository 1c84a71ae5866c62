import { createHash } from 'node:crypto';
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

export function eventHash(prevHash: string | null, fields: ChainedFields): string {
  const content = Object.fromEntries(CHAINED_FIELDS.map((name) => [name, fields[name]]));
  return createHash('sha256')
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

import { createHash } from 'node:crypto';

/**
 * The audit trail's tamper evidence: each event's hash covers its own content and the
 * previous event's hash, so changing or removing any row breaks every later link.
 */

export interface ChainedFields {
  at: Date;
  operatorId: string | null;
  operatorEmail: string | null;
  operatorRoles: readonly string[];
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
}

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
  const content: Record<keyof ChainedFields, unknown> = {
    at: fields.at,
    operatorId: fields.operatorId,
    operatorEmail: fields.operatorEmail,
    operatorRoles: [...fields.operatorRoles],
    action: fields.action,
    memberId: fields.memberId,
    cardRef: fields.cardRef,
    requestSummary: fields.requestSummary,
    outcome: fields.outcome,
    resultCode: fields.resultCode,
    correlationId: fields.correlationId,
    durationMs: fields.durationMs,
    clientIp: fields.clientIp,
    userAgent: fields.userAgent,
  };
  return createHash('sha256')
    .update(prevHash ?? 'genesis')
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
}

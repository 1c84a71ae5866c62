import 'server-only';
import { headers } from 'next/headers';
import { getDb } from '@/lib/db';
import { appendAuditEvent, type AppendedEvent, type AuditInput } from './append';

export { AUDIT_ACTIONS, type AuditAction } from '@/lib/domain/audit';
export type { AuditActor, AuditInput } from './append';

/**
 * Appends one event to the audit trail, chained to the previous one, with the caller's IP and
 * browser when there is a request. Returns the new event's id (e.g. to link card-state rows).
 */
export async function recordAudit(input: AuditInput): Promise<AppendedEvent> {
  const client = await requestClient();
  const db = await getDb();
  return appendAuditEvent(db, input, { client });
}

/** The caller's address and browser, when there is a request (not in scripts). */
async function requestClient(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
    return { ip: forwarded || h.get('x-real-ip') || null, userAgent: h.get('user-agent')?.slice(0, 512) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}

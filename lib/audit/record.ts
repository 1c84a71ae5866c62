import 'server-only';
import { sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';
import type { AuditReadTarget } from '@/lib/domain/audit';
import type { AppendedEvent, AuditActor, AuditInput } from './append';
import { groupCommitter, groupProbe, type AppendToTrail } from './group-commit';

export { AUDIT_ACTIONS, type AuditAction } from '@/lib/domain/audit';
export type { AuditActor, AuditInput } from './append';

// On globalThis: one committer per process, whatever module instances Next creates.
const committerKey = Symbol.for('konaplate.audit-group-commit');
const appendToTrail = ((globalThis as Record<symbol, AppendToTrail | undefined>)[committerKey] ??= groupCommitter(getDb));

/**
 * Appends one event to the audit trail, chained to the previous one, with the caller's IP and
 * browser when there is a request; resolves once it is committed (with the events that arrived
 * alongside it). Returns the new event's id (e.g. to link card-state rows).
 */
export async function recordAudit(input: AuditInput): Promise<AppendedEvent> {
  return appendToTrail(input, { client: await requestClient() });
}

/**
 * Records, before anything is read, that `actor` reads the audit trail or a timeline drawn from
 * it (PCI DSS 10.2.1.3): with the filters or cursor asked for, and the member and card read about.
 * If it cannot be recorded, the page fails rather than show the trail unrecorded.
 */
export function recordAuditRead(
  actor: AuditActor,
  target: AuditReadTarget,
  { memberId, cardRef, ...request }: { memberId?: string; cardRef?: string } & Record<string, unknown> = {},
): Promise<AppendedEvent> {
  return recordAudit({ actor, action: 'audit-read', outcome: 'ok', memberId, cardRef, request: { target, ...request } });
}

/** The audit trail cannot be reached: nothing may be sent upstream, since it could not be recorded. */
export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The audit trail cannot be written just now, so nothing was sent to Konaplate. Try again in a moment; if it persists, report it.', {
      cause,
    });
    this.name = 'AuditUnavailableError';
  }
}

const probeKey = Symbol.for('konaplate.audit-writable-probe');
const probeAuditStore = ((globalThis as Record<symbol, (() => Promise<void>) | undefined>)[probeKey] ??= groupProbe(async () => {
  const db = await getDb();
  await db.execute(sql`select 1 from audit_events limit 0`);
}));

/**
 * Before anything is sent upstream: the audit store answers, or AuditUnavailableError. Reads
 * that arrive together share one probe (groupProbe), each answered by one that began after it.
 */
export async function assertAuditWritable(): Promise<void> {
  try {
    await probeAuditStore();
  } catch (error) {
    throw new AuditUnavailableError(error);
  }
}

/** The caller's address (see lib/http/client-address.ts) and browser, when there is a request (not in scripts). */
export async function requestClient(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { ip: clientAddress(h.get('x-forwarded-for'), env().TRUSTED_PROXIES), userAgent: h.get('user-agent')?.slice(0, 512) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}

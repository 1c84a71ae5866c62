import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import type { Role } from '@/lib/auth/permissions';
import { auditEvents, getDb, type AuditOutcome } from '@/lib/db';
import { eventHash, type ChainedFields } from './chain';

export const AUDIT_ACTIONS = [
  'search',
  'view-card',
  'unregistered-lookup',
  'issue-prepaid',
  'issue-debit',
  'reissue-prepaid',
  'sign-in',
  'sign-in-failure',
  'sign-out-everywhere',
  'forbidden',
  'operator-change',
  'sandbox-control',
  'audit-purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  id: string | null;
  email: string | null;
  roles: readonly Role[];
}

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  outcome: AuditOutcome;
  memberId?: string;
  /** Masked PAN or PAR: never a clear card number. */
  cardRef?: string;
  /** What was asked, without card secrets (no CVC, no full PAN, no identity number). */
  request?: Record<string, unknown>;
  resultCode?: string;
  correlationId?: string;
  durationMs?: number;
}

/** Serialises writers so each event chains to the one before it. */
const CHAIN_LOCK_KEY = 7_261_353_002;

/** Appends one event to the audit trail, chained to the previous one. */
export async function recordAudit(input: AuditInput): Promise<void> {
  const client = await requestClient();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
    const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const fields: ChainedFields = {
      // Millisecond precision: what timestamptz keeps of a JS Date, so the hash re-verifies.
      at: new Date(),
      operatorId: input.actor.id,
      operatorEmail: input.actor.email,
      operatorRoles: input.actor.roles,
      action: input.action,
      memberId: input.memberId ?? null,
      cardRef: input.cardRef ?? null,
      requestSummary: input.request ?? null,
      outcome: input.outcome,
      resultCode: input.resultCode ?? null,
      correlationId: input.correlationId ?? null,
      durationMs: input.durationMs ?? null,
      clientIp: client.ip,
      userAgent: client.userAgent,
    };
    const prevHash = last?.hash ?? null;
    await tx.insert(auditEvents).values({
      ...fields,
      outcome: input.outcome,
      operatorRoles: [...input.actor.roles],
      prevHash,
      hash: eventHash(prevHash, fields),
    });
  });
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

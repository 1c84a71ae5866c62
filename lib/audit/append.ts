import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Role } from '@/lib/domain/permissions';
import type { Database } from '@/lib/db/client';
import { auditEvents, type AuditOutcome } from '@/lib/db/schema';
import type { AuditAction } from '@/lib/domain/audit';
import { eventHash, type ChainedFields, type ChainKey } from './chain';
import { chainKeyring } from './chain-keys';
import { storableText, storableValue } from './storable';

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

export interface AppendOptions {
  /** Defaults to now. Tests and the purge's own bookkeeping are the only callers that set it. */
  at?: Date;
  client?: { ip: string | null; userAgent: string | null };
  /** Defaults to the configured current key (AUDIT_CHAIN_KEY). */
  chainKey?: ChainKey;
}

export interface AppendedEvent {
  id: number;
  hash: string;
}

/** Serialises writers so each event chains to the one before it (also taken by the purge). */
export const CHAIN_LOCK_KEY = 7_261_353_002;

/** Takes the chain lock for the rest of the transaction `tx`. */
export async function lockChain(tx: Pick<Database, 'execute'>): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
}

export interface PendingEvent {
  input: AuditInput;
  options?: AppendOptions;
}

/**
 * Appends events inside `tx` (a transaction that already holds the chain lock), in order: reads
 * the last hash once, chains each event to the one before it, inserts them in one statement.
 */
export async function appendLockedBatch(tx: Database, events: readonly PendingEvent[]): Promise<AppendedEvent[]> {
  if (events.length === 0) return [];
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = last?.hash ?? null;
  const rows = events.map(({ input, options = {} }) => {
    const fields = storedFields(input, options);
    const hash = eventHash(prevHash, fields, options.chainKey ?? chainKeyring().current);
    const row = { ...fields, outcome: input.outcome, operatorRoles: [...input.actor.roles], prevHash, hash };
    prevHash = hash;
    return row;
  });
  const inserted = await tx.insert(auditEvents).values(rows).returning({ id: auditEvents.id, hash: auditEvents.hash });
  // Matched by hash (unique in a chain), not by the order RETURNING happens to use.
  const idByHash = new Map(inserted.map((row) => [row.hash, Number(row.id)]));
  return rows.map(({ hash }) => {
    const id = idByHash.get(hash);
    if (id === undefined) throw new Error('audit event insert returned no row');
    return { id, hash };
  });
}

/** One event inside `tx`, which already holds the chain lock (the purge's own bookkeeping). */
export async function appendLocked(tx: Database, input: AuditInput, options: AppendOptions = {}): Promise<AppendedEvent> {
  const [event] = await appendLockedBatch(tx, [{ input, options }]);
  return event!;
}

/** What is hashed and stored: every value in the form PostgreSQL accepts (see storable.ts). */
function storedFields(input: AuditInput, options: AppendOptions): ChainedFields {
  const text = (value: string | null | undefined) => (value == null ? null : storableText(value));
  return {
    // Millisecond precision: what timestamptz keeps of a JS Date, so the hash re-verifies.
    at: options.at ?? new Date(),
    operatorId: input.actor.id,
    operatorEmail: text(input.actor.email),
    operatorRoles: input.actor.roles,
    action: input.action,
    memberId: text(input.memberId),
    cardRef: text(input.cardRef),
    requestSummary: input.request ? (storableValue(input.request) as Record<string, unknown>) : null,
    outcome: input.outcome,
    resultCode: text(input.resultCode),
    correlationId: text(input.correlationId),
    durationMs: input.durationMs ?? null,
    clientIp: text(options.client?.ip),
    userAgent: text(options.client?.userAgent),
  };
}

/** Appends one event to the audit trail of `db`, chained to the previous one. */
export async function appendAuditEvent(db: Database, input: AuditInput, options: AppendOptions = {}): Promise<AppendedEvent> {
  return db.transaction(async (tx) => {
    await lockChain(tx);
    return appendLocked(tx as unknown as Database, input, options);
  });
}

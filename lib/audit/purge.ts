import 'server-only';
import { and, asc, count, desc, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { auditEvents, cardStateHistory } from '@/lib/db/schema';
import { appendAuditEvent, appendLocked, lockChain, type AuditActor } from './append';
import { MIN_AUDIT_RETENTION_DAYS } from './retention';

export interface PurgeOptions {
  retentionDays: number;
  /** Who runs it, for the audit event (a script has no signed-in operator). */
  actor?: AuditActor;
  /** Extra context recorded in the purge event (e.g. the OS user running the script). */
  context?: Record<string, unknown>;
  /** Count what would go, change nothing (and record nothing). */
  dryRun?: boolean;
  /** For tests: the clock. */
  now?: Date;
}

export interface PurgeReport {
  cutoff: Date;
  dryRun: boolean;
  /** Audit events removed (or that would be). */
  deletedEvents: number;
  /** Card-state rows removed: older than the cutoff and superseded by a newer row of the same card. */
  deletedCardStates: number;
  /** The audit-purge event recording this purge (null on a dry run). */
  purgeEventId: number | null;
  /** The last removed event: the chain now starts from its hash. */
  lastPurged: { id: number; hash: string } | null;
}

const SCRIPT_ACTOR: AuditActor = { id: null, email: null, roles: [] };
const DAY_MS = 86_400_000;

/**
 * Removes audit events older than the retention period, and itself leaves an `audit-purge`
 * event. Only a contiguous oldest prefix (in id order) goes, so the chain keeps one start: the
 * purge event records the removed tail's last hash, which the verifier accepts as the anchor.
 * A refused or failed purge is audited too (outcome `rejected`) and re-thrown.
 */
export async function purgeAuditEvents(db: Database, options: PurgeOptions): Promise<PurgeReport> {
  const { retentionDays } = options;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`retention must be a whole number of at least ${MIN_AUDIT_RETENTION_DAYS} days (got ${retentionDays})`);
  }
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const actor = options.actor ?? SCRIPT_ACTOR;
  const dryRun = options.dryRun ?? false;

  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      await lockChain(tx);
      // The purge removes ids below the first event that is not older than the cutoff, so what
      // goes is a prefix of the chain even if clocks of several app servers disagreed a little.
      const [boundary] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(gte(auditEvents.at, cutoff))
        .orderBy(asc(auditEvents.id))
        .limit(1);
      const below = boundary ? lt(auditEvents.id, Number(boundary.id)) : undefined;
      const [counted] = await tx.select({ n: count() }).from(auditEvents).where(below);
      const deletedEvents = Number(counted?.n ?? 0);
      const [last] = deletedEvents
        ? await tx.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).where(below).orderBy(desc(auditEvents.id)).limit(1)
        : [];
      const lastPurged = last ? { id: Number(last.id), hash: last.hash } : null;

      const staleStates = and(
        lt(cardStateHistory.observedAt, cutoff),
        sql`exists (select 1 from ${cardStateHistory} newer where newer.par = ${cardStateHistory.par} and newer.id > ${cardStateHistory.id})`,
      );
      if (dryRun) {
        const [states] = await tx.select({ n: count() }).from(cardStateHistory).where(staleStates);
        return { cutoff, dryRun, deletedEvents, deletedCardStates: Number(states?.n ?? 0), purgeEventId: null, lastPurged };
      }

      // Recorded first (so it is never itself in the removed range), in the same transaction:
      // if the delete is refused, the event rolls back with it.
      const purgeEvent = await appendLocked(tx, {
        actor,
        action: 'audit-purge',
        outcome: 'ok',
        request: {
          ...options.context,
          retentionDays,
          cutoff: cutoff.toISOString(),
          deletedEvents,
          lastPurgedId: lastPurged?.id ?? null,
          lastPurgedHash: lastPurged?.hash ?? null,
        },
      });
      if (deletedEvents > 0) {
        await tx.execute(sql`select set_config('konaplate.audit_purge', 'on', true),
                                    set_config('konaplate.audit_purge_xact', txid_current()::text, true),
                                    set_config('konaplate.audit_purge_before', ${cutoff.toISOString()}, true)`);
        // No event younger than the cutoff before this purge: everything older than the purge event goes.
        await tx.delete(auditEvents).where(below ?? lt(auditEvents.id, purgeEvent.id));
      }
      const removedStates = await tx.delete(cardStateHistory).where(staleStates).returning({ id: cardStateHistory.id });
      return { cutoff, dryRun, deletedEvents, deletedCardStates: removedStates.length, purgeEventId: purgeEvent.id, lastPurged };
    });
  } catch (error) {
    if (!dryRun) {
      await appendAuditEvent(db, {
        actor,
        action: 'audit-purge',
        outcome: 'rejected',
        request: {
          ...options.context,
          retentionDays,
          cutoff: cutoff.toISOString(),
          error: (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)).slice(0, 500),
        },
      }).catch(() => undefined);
    }
    throw error;
  }
}

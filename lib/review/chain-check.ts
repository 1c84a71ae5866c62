import 'server-only';
import { asc, eq, gte } from 'drizzle-orm';
import { chainKeyring } from '@/lib/audit/chain-keys';
import { auditEventColumns } from '@/lib/audit/event-view';
import { purgeAnchorLookup, verifyChainRows, type BrokenLink, type ChainRow, type ChainVerification } from '@/lib/audit/verify';
import type { Database } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import type { FindingDraft } from './rules';
import { HOUR_MS } from './time';

/**
 * The audit-chain-broken rule: lib/audit/verify.ts's verifier, run by the findings runs. The
 * whole chain is verified at least every FINDINGS_CHAIN_FULL_VERIFY_HOURS (and at the first
 * run); the runs in between verify from the head the previous run verified, that head included
 * (its content must still give its hash, and the hash must be the one remembered), so each run
 * reads only the new events. A run that finds the chain broken remembers the last good head:
 * every later run finds the same break again, which stays one finding.
 */

/** The last event a run verified, as stored on its review_runs row. */
export interface VerifiedHead {
  id: number;
  hash: string;
}

export interface ChainCheck {
  verification: ChainVerification;
  /** True when verified from the chain's start. */
  full: boolean;
  /** What the next run continues from (the last good head when broken). */
  nextHead: VerifiedHead | null;
  /** The finding, when broken. */
  draft: FindingDraft | null;
}

export interface ChainCheckOptions {
  /** The head the previous run verified, and when the chain was last verified from its start. */
  previous: { head: VerifiedHead | null; lastFullAt: Date | null };
  fullEveryHours: number;
  now: Date;
  batchSize?: number;
  /** Called between batches (the run renews its lease there). */
  between?: () => Promise<void>;
}

/**
 * Rows from `fromId` on, in id order. Between batches it lets the event loop run: on PGlite the
 * verification shares the console's process, and a full one is long at a million events.
 */
async function* batchesFrom(db: Database, fromId: number, batchSize: number, between?: () => Promise<void>): AsyncGenerator<ChainRow[]> {
  let next = fromId;
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await between?.();
    const rows = await db
      .select({ ...auditEventColumns, prevHash: auditEvents.prevHash })
      .from(auditEvents)
      .where(gte(auditEvents.id, next))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    next = rows[rows.length - 1]!.id + 1;
    if (rows.length < batchSize) return;
  }
}

/** Verifies from `head` (included): undefined when the head row is gone (purged), so only a full verification will do. */
async function verifyFrom(db: Database, head: VerifiedHead, batchSize: number, between?: () => Promise<void>): Promise<ChainVerification | undefined> {
  const [row] = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, head.id));
  if (!row) return undefined;
  if (row.hash !== head.hash) {
    // Re-hashed in place since it was verified: whoever did it had the key, or the next check says so.
    return {
      ok: false,
      checked: 1,
      start: null,
      head: null,
      unkeyed: 0,
      broken: { id: head.id, kind: 'hash-mismatch', expected: head.hash, stored: row.hash, previousId: null },
    };
  }
  const purgeAnchor = purgeAnchorLookup(db);
  return verifyChainRows(
    batchesFrom(db, head.id, batchSize, between),
    async (prevHash, firstId) => (firstId === head.id ? head.id : purgeAnchor(prevHash, firstId)),
    chainKeyring().byId,
  );
}

export async function checkAuditChain(db: Database, options: ChainCheckOptions): Promise<ChainCheck> {
  const { previous, now } = options;
  const batchSize = options.batchSize ?? 2_000;
  const fullDue = !previous.head || !previous.lastFullAt || now.getTime() - previous.lastFullAt.getTime() >= options.fullEveryHours * HOUR_MS;
  let verification = fullDue || !previous.head ? undefined : await verifyFrom(db, previous.head, batchSize, options.between);
  const full = verification === undefined;
  verification ??= await verifyChainRows(batchesFrom(db, 0, batchSize, options.between), purgeAnchorLookup(db), chainKeyring().byId);

  if (verification.ok) {
    return { verification, full, nextHead: verification.head ?? (full ? null : previous.head), draft: null };
  }
  const broken = verification.broken!;
  return { verification, full, nextHead: full ? verification.head : previous.head, draft: await brokenDraft(db, broken, verification, full, now) };
}

async function brokenDraft(db: Database, broken: BrokenLink, verification: ChainVerification, full: boolean, now: Date): Promise<FindingDraft> {
  const [row] = await db.select({ at: auditEvents.at }).from(auditEvents).where(eq(auditEvents.id, broken.id));
  const at = row?.at ?? now;
  const ids = [broken.previousId, broken.id].filter((id): id is number => id !== null);
  return {
    rule: 'audit-chain-broken',
    severity: 'critical',
    subjectKind: 'audit-event',
    subject: String(broken.id),
    subjectLabel: broken.kind,
    windowStart: at,
    windowEnd: new Date(at.getTime() + 1),
    evidenceIds: ids,
    evidenceCount: ids.length,
    detail: {
      kind: broken.kind,
      expected: broken.expected,
      stored: broken.stored,
      previousId: broken.previousId,
      verifiedBefore: verification.checked - 1,
      fromChainStart: full,
    },
  };
}

import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { eventHash, hashKeyId, type ChainedFields, type ChainKey } from './chain';
import { chainKeyring } from './chain-keys';
import { auditEventColumns } from './event-view';

/** One stored event as the verifier sees it: its chained content plus the stored links. */
export interface ChainRow extends ChainedFields {
  id: number;
  prevHash: string | null;
  hash: string;
}

export type BrokenLinkKind =
  /** The row's content no longer produces its stored hash: the row was edited. */
  | 'hash-mismatch'
  /** The row's stored prev_hash is not the previous row's hash: a row was removed, inserted or re-hashed. */
  | 'prev-hash-mismatch'
  /** The first remaining row chains to an event that is gone, and no audited purge explains it. */
  | 'unanchored-start'
  /** The row's hash names a key the verifier was not given (or the key was lost). */
  | 'unknown-key'
  /** An unkeyed hash after keyed ones: whoever wrote it did not have the key. */
  | 'unkeyed-after-keyed';

export interface BrokenLink {
  id: number;
  kind: BrokenLinkKind;
  expected: string | null;
  stored: string | null;
  /** The id of the row before it in the chain (null for the first row). */
  previousId: number | null;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows checked, up to and including the broken one. */
  checked: number;
  /** How the first row is anchored: the genesis, or the audited purge that removed its predecessors. */
  start: { kind: 'empty' } | { kind: 'genesis'; id: number } | { kind: 'purge'; id: number; purgeEventId: number } | null;
  /** The last verified event: record it outside the database to detect a rewritten chain later. */
  head: { id: number; hash: string } | null;
  /** Events at the start of the chain written before it was keyed (plain SHA-256). */
  unkeyed: number;
  broken: BrokenLink | null;
}

/**
 * Finds the audited purge that accounts for a missing predecessor: returns that purge event's
 * id when one recorded `lastPurgedHash = prevHash`, else null.
 */
export type PurgeAnchorLookup = (prevHash: string, firstId: number) => Promise<number | null>;

/**
 * Verifies a chain read in id order, batch by batch (memory stays bounded by one batch).
 * Stops at the first broken link.
 */
export async function verifyChainRows(
  batches: AsyncIterable<readonly ChainRow[]>,
  findPurgeAnchor: PurgeAnchorLookup,
  keys: ReadonlyMap<string, ChainKey>,
  onProgress?: (checked: number) => void,
): Promise<ChainVerification> {
  let checked = 0;
  let unkeyed = 0;
  let previous: { id: number; hash: string } | null = null;
  let start: ChainVerification['start'] = { kind: 'empty' };
  const fail = (broken: BrokenLink): ChainVerification => ({ ok: false, checked, start, head: previous, unkeyed, broken });

  for await (const batch of batches) {
    for (const row of batch) {
      checked++;
      if (previous === null) {
        if (row.prevHash === null) {
          start = { kind: 'genesis', id: row.id };
        } else {
          const purgeEventId = await findPurgeAnchor(row.prevHash, row.id);
          if (purgeEventId === null) {
            start = null;
            return fail({ id: row.id, kind: 'unanchored-start', expected: null, stored: row.prevHash, previousId: null });
          }
          start = { kind: 'purge', id: row.id, purgeEventId };
        }
      } else if (row.prevHash !== previous.hash) {
        return fail({ id: row.id, kind: 'prev-hash-mismatch', expected: previous.hash, stored: row.prevHash, previousId: previous.id });
      }
      const keyId = hashKeyId(row.hash);
      const key = keyId === null ? undefined : keys.get(keyId);
      if (keyId === null && unkeyed < checked - 1) {
        return fail({ id: row.id, kind: 'unkeyed-after-keyed', expected: null, stored: row.hash, previousId: previous?.id ?? null });
      }
      if (keyId !== null && !key) {
        return fail({ id: row.id, kind: 'unknown-key', expected: null, stored: row.hash, previousId: previous?.id ?? null });
      }
      if (keyId === null) unkeyed++;
      const expected = eventHash(row.prevHash, row, key);
      if (expected !== row.hash) {
        return fail({ id: row.id, kind: 'hash-mismatch', expected, stored: row.hash, previousId: previous?.id ?? null });
      }
      previous = { id: row.id, hash: row.hash };
    }
    onProgress?.(checked);
  }
  return { ok: true, checked, start, head: previous, unkeyed, broken: null };
}

/** Reads audit_events in id order, `batchSize` rows at a time (keyset on id, never OFFSET). */
export async function* auditChainBatches(db: Database, batchSize = 5_000): AsyncGenerator<ChainRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select({ ...auditEventColumns, prevHash: auditEvents.prevHash })
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** The audited purge whose recorded `lastPurgedHash` is `prevHash`, if any. */
export function purgeAnchorLookup(db: Database): PurgeAnchorLookup {
  return async (prevHash, firstId) => {
    const [row] = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'audit-purge'),
          eq(auditEvents.outcome, 'ok'),
          sql`${auditEvents.requestSummary}->>'lastPurgedHash' = ${prevHash}`,
          sql`(${auditEvents.requestSummary}->>'lastPurgedId')::bigint < ${firstId}`,
        ),
      )
      .orderBy(asc(auditEvents.id))
      .limit(1);
    return row ? Number(row.id) : null;
  };
}

/** Verifies the whole audit trail of `db`, streamed in id order. */
export function verifyAuditChain(
  db: Database,
  options: { batchSize?: number; keys?: ReadonlyMap<string, ChainKey>; onProgress?: (checked: number) => void } = {},
): Promise<ChainVerification> {
  const keys = options.keys ?? chainKeyring().byId;
  return verifyChainRows(auditChainBatches(db, options.batchSize), purgeAnchorLookup(db), keys, options.onProgress);
}

/** A one-paragraph human description of a verification result (used by the script and tests). */
export function describeVerification(result: ChainVerification): string {
  if (result.ok) {
    if (!result.head) return 'Audit chain OK: no events.';
    const start =
      result.start?.kind === 'purge'
        ? `starting at event ${result.start.id} after the audited purge (event ${result.start.purgeEventId})`
        : 'from the genesis event';
    const unkeyed = result.unkeyed > 0 ? ` The first ${result.unkeyed} were chained before the chain was keyed (plain SHA-256).` : '';
    return `Audit chain OK: ${result.checked} events verified ${start}; head is event ${result.head.id} with hash ${result.head.hash}.${unkeyed}`;
  }
  const b = result.broken!;
  const what = {
    'hash-mismatch': 'its content does not match its stored hash (the row was changed)',
    'prev-hash-mismatch': `its prev_hash is not the hash of the previous event ${b.previousId} (an event was removed, inserted or re-hashed)`,
    'unanchored-start': 'the first event chains to an event that is gone and no audited purge accounts for it',
    'unknown-key': 'its hash was made with a key this verifier was not given (AUDIT_CHAIN_KEY / AUDIT_CHAIN_PREVIOUS_KEYS)',
    'unkeyed-after-keyed': 'its hash is unkeyed although events before it are keyed (written without the key)',
  }[b.kind];
  return [
    `Audit chain BROKEN at event ${b.id}: ${what}.`,
    `  expected: ${b.expected ?? '(an audited purge recording this hash)'}`,
    `  stored:   ${b.stored ?? '(null)'}`,
    `  ${result.checked - 1} events before it verified.`,
  ].join('\n');
}

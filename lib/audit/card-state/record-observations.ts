import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { cardStateHistory } from '@/lib/db/schema';
import type { CardStateSnapshot } from '@/lib/domain/audit';
import type { MemberCard } from '@/lib/domain/cards';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import { cardStateHash, cardStateOf } from './snapshot';

/**
 * Records what a read of `memberId`'s cards saw: a new row per card whose state differs from
 * that card's latest row (first sightings included). One query fetches the latest hashes of all
 * the cards; concurrent reads of the same member are serialised so a change is written once.
 * `auditEventId` links the rows to the event of the read (or action) that observed them.
 */
export async function recordCardObservations(
  memberId: string,
  cards: readonly MemberCard[],
  opts?: { auditEventId?: number; db?: Database },
): Promise<{ changed: number }> {
  if (!MEMBER_ID_PATTERN.test(memberId)) throw new Error('recordCardObservations: member id must be 1 to 19 digits');
  const byPar = new Map<string, { state: CardStateSnapshot; hash: string }>();
  for (const card of cards) {
    const state = cardStateOf(card);
    byPar.set(card.par, { state, hash: cardStateHash(state) });
  }
  if (byPar.size === 0) return { changed: 0 };
  const db = opts?.db ?? (await getDb());
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`card-state:${memberId}`}, 0))`);
    const latest = await tx
      .selectDistinctOn([cardStateHistory.par], { par: cardStateHistory.par, stateHash: cardStateHistory.stateHash })
      .from(cardStateHistory)
      .where(and(eq(cardStateHistory.memberId, memberId), inArray(cardStateHistory.par, [...byPar.keys()])))
      .orderBy(cardStateHistory.par, sql`${cardStateHistory.observedAt} desc`, sql`${cardStateHistory.id} desc`);
    const latestHash = new Map(latest.map((row) => [row.par, row.stateHash]));
    const rows = [...byPar]
      .filter(([par, { hash }]) => latestHash.get(par) !== hash)
      .map(([par, { state, hash }]) => ({ memberId, par, state, stateHash: hash, auditEventId: opts?.auditEventId ?? null }));
    if (rows.length > 0) await tx.insert(cardStateHistory).values(rows);
    return { changed: rows.length };
  });
}

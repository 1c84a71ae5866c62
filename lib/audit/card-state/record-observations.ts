import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { cardStateHistory } from '@/lib/db/schema';
import type { CardStateSnapshot } from '@/lib/domain/audit';
import type { MemberCard } from '@/lib/domain/cards';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import { cardStateHash, cardStateOf } from './snapshot';

/**
 * The latest state hash written per card of each member lately, in this process: a read that
 * sees nothing new (the common case) then writes nothing and takes no lock. Bounded in size and
 * age; a change written by another instance meanwhile is at worst seen as "no change" here for
 * up to REMEMBER_MS, and recorded by that instance.
 */
const REMEMBER_MS = 60_000;
const REMEMBER_MEMBERS = 10_000;
type Remembered = Map<string, { at: number; hashes: Map<string, string> }>;
// Per database (the tests run two), on globalThis: every module instance of a build shares it.
const store = globalThis as typeof globalThis & { __konaplateCardStateHashes?: WeakMap<Database, Remembered> };
const byDatabase = (store.__konaplateCardStateHashes ??= new WeakMap());

function rememberedOf(db: Database): Remembered {
  let remembered = byDatabase.get(db);
  if (!remembered) byDatabase.set(db, (remembered = new Map()));
  return remembered;
}

function unchangedSinceLastWrite(remembered: Remembered, memberId: string, byPar: ReadonlyMap<string, { hash: string }>, now: number): boolean {
  const entry = remembered.get(memberId);
  if (!entry || now - entry.at > REMEMBER_MS) return false;
  for (const [par, { hash }] of byPar) if (entry.hashes.get(par) !== hash) return false;
  return true;
}

function remember(remembered: Remembered, memberId: string, byPar: ReadonlyMap<string, { hash: string }>, now: number) {
  remembered.delete(memberId);
  // Map order is insertion order: the first key is the member remembered longest ago.
  if (remembered.size >= REMEMBER_MEMBERS) remembered.delete(remembered.keys().next().value!);
  remembered.set(memberId, { at: now, hashes: new Map([...byPar].map(([par, { hash }]) => [par, hash])) });
}

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
  const remembered = rememberedOf(db);
  const now = Date.now();
  if (unchangedSinceLastWrite(remembered, memberId, byPar, now)) return { changed: 0 };
  const result = await db.transaction(async (tx) => {
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
  // After the commit: what the history's latest rows now say for these cards.
  remember(remembered, memberId, byPar, now);
  return result;
}

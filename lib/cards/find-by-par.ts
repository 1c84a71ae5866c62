import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { cardStateHistory } from '@/lib/db/schema';

/**
 * The member of a card, found by its PAR among the cards this console has seen (every read of
 * a member's cards records their states): Konaplate has no lookup by PAR alone. Undefined for a
 * card not seen yet. The latest sighting wins, should a PAR ever have moved.
 */
export async function memberOfSeenCard(par: string, opts: { db?: Database } = {}): Promise<string | undefined> {
  const db = opts.db ?? (await getDb());
  const [row] = await db
    .select({ memberId: cardStateHistory.memberId })
    .from(cardStateHistory)
    .where(eq(cardStateHistory.par, par))
    .orderBy(desc(cardStateHistory.observedAt), desc(cardStateHistory.id))
    .limit(1);
  return row?.memberId;
}

import 'server-only';
import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import { auditEvents, getDb } from '@/lib/db';

/** The members this operator looked up lately, newest first (from their own audit trail). */
export async function recentMemberSearches(operatorId: string, limit = 8): Promise<{ memberId: string; at: Date }[]> {
  const db = await getDb();
  const lastAt = max(auditEvents.at);
  const rows = await db
    .select({ memberId: auditEvents.memberId, at: lastAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.operatorId, operatorId), eq(auditEvents.action, 'search'), isNotNull(auditEvents.memberId)))
    .groupBy(auditEvents.memberId)
    .orderBy(desc(lastAt))
    .limit(limit);
  return rows.flatMap((row) => (row.memberId && row.at ? [{ memberId: row.memberId, at: new Date(row.at) }] : []));
}

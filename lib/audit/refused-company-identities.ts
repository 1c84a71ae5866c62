import 'server-only';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { auditEvents, getDb } from '@/lib/db';

/** A company IdP identity the console refused lately: what an admin links to an operator. */
export interface RefusedCompanyIdentity {
  subject: string;
  claimedEmail: string | null;
  claimedName: string | null;
  reason: string;
  at: Date;
}

/**
 * The latest refusal per identity of the configured issuer, newest first, from the audit trail
 * (lib/auth/company-sign-in.ts records issuer and subject with each refusal). Scans the
 * `action` index over a bounded window.
 */
export async function recentRefusedCompanyIdentities(issuer: string, { days = 30, limit = 20 } = {}): Promise<RefusedCompanyIdentity[]> {
  const db = await getDb();
  const request = auditEvents.requestSummary;
  const rows = await db
    .selectDistinctOn([sql`${request}->>'subject'`], {
      subject: sql<string>`${request}->>'subject'`,
      claimedEmail: sql<string | null>`${request}->>'claimedEmail'`,
      claimedName: sql<string | null>`${request}->>'claimedName'`,
      reason: sql<string>`${request}->>'reason'`,
      at: auditEvents.at,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'sign-in-failure'),
        gte(auditEvents.at, new Date(Date.now() - days * 86_400_000)),
        sql`${request}->>'provider' = 'oidc'`,
        sql`${request}->>'issuer' = ${issuer}`,
        sql`${request}->>'subject' is not null`,
      ),
    )
    .orderBy(sql`${request}->>'subject'`, desc(auditEvents.at));
  return rows
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit)
    .map((row) => ({ ...row, at: new Date(row.at) }));
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { encryptTotpSecret } from '@/lib/auth/mfa-crypto';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from './client';
import { operators, type OperatorRole } from './schema';

/** Password of the demo operators (sandbox only). */
export const DEMO_OPERATOR_PASSWORD = 'konaplate-demo';

/**
 * The demo operators, each enrolled in MFA with a FIXED TOTP secret (base32), published in the
 * README and on the sign-in page while the upstream is the sandbox, so that demos and tests
 * compute codes. Sandbox only: nothing seeds them against a real upstream.
 */
export const DEMO_OPERATORS: readonly { email: string; name: string; roles: OperatorRole[]; totpSecret: string }[] = [
  { email: 'agent@konaplate.test', name: 'Ada Agent', roles: ['agent'], totpSecret: '7E5DGQAMHAHXOFORUKI2JPDS7JT4DMXM' },
  { email: 'manager@konaplate.test', name: 'Max Manager', roles: ['manager'], totpSecret: 'NYHEIROWGKKDMSOWYCEGILONQEQRI7O7' },
  { email: 'qa@konaplate.test', name: 'Quinn QA', roles: ['qa'], totpSecret: 'HSTB2DANA5QWWDZK2B6BBKPCPDULRFE2' },
  { email: 'admin@konaplate.test', name: 'Avery Admin', roles: ['admin'], totpSecret: '7ZYMD6PMH4BA5MDQE4LSYJDQVQKBQNIA' },
];

export interface SeedReport {
  /** Emails of the operators inserted by this call. */
  created: string[];
  /** Emails that already existed and were left untouched (password, roles, name, active, MFA). */
  existing: string[];
  /** Existing demo operators from before MFA given their fixed secret by this call. */
  enrolled: string[];
}

/**
 * Inserts one demo operator per role when absent (matched by email), enrolled with its fixed
 * TOTP secret. Existing rows keep their password, roles, name, activity and secret, so what an
 * admin or the operator changed survives re-seeding; the only change to one is the fixed secret
 * for a demo operator that has never had any (a database from before MFA): not one that is
 * enrolled, enrolling, or was reset by an admin.
 */
export async function seedDemoOperators(db: Database, { password }: { password: string }): Promise<SeedReport> {
  const emails = DEMO_OPERATORS.map((o) => o.email.toLowerCase());
  const present = new Set(
    (await db.select({ email: operators.email }).from(operators).where(inArray(operators.email, emails))).map(
      (row) => row.email,
    ),
  );
  const missing = DEMO_OPERATORS.filter((o) => !present.has(o.email.toLowerCase()));
  const enrolled = await enrolDemoOperatorsWithoutMfa(db, present);
  if (missing.length === 0) return { created: [], existing: emails, enrolled };

  const now = new Date();
  const rows = await Promise.all(
    missing.map(async (o) => {
      // The id is chosen here: it is the secret's additional data (lib/auth/mfa-crypto.ts).
      const id = randomUUID();
      return {
        id,
        email: o.email.toLowerCase(),
        name: o.name,
        roles: o.roles,
        passwordHash: await hashPassword(password),
        totpSecret: encryptTotpSecret(o.totpSecret, id),
        totpEnrolledAt: now,
      };
    }),
  );
  // ON CONFLICT DO NOTHING: a concurrent seeder (another process) may have inserted meanwhile.
  const inserted = await db
    .insert(operators)
    .values(rows)
    .onConflictDoNothing({ target: operators.email })
    .returning({ email: operators.email });
  const created = new Set(inserted.map((row) => row.email));
  return { created: emails.filter((e) => created.has(e)), existing: emails.filter((e) => !created.has(e)), enrolled };
}

/** The fixed secret for present demo operators that never had MFA; the emails enrolled. */
async function enrolDemoOperatorsWithoutMfa(db: Database, present: ReadonlySet<string>): Promise<string[]> {
  const enrolled: string[] = [];
  for (const demo of DEMO_OPERATORS.filter((o) => present.has(o.email.toLowerCase()))) {
    const [row] = await db
      .select({ id: operators.id })
      .from(operators)
      .where(eq(operators.email, demo.email.toLowerCase()))
      .limit(1);
    if (!row) continue;
    const updated = await db
      .update(operators)
      .set({ totpSecret: encryptTotpSecret(demo.totpSecret, row.id), totpEnrolledAt: new Date() })
      .where(
        and(
          eq(operators.id, row.id),
          isNotNull(operators.passwordHash),
          isNull(operators.totpSecret),
          isNull(operators.totpPendingSecret),
          isNull(operators.mfaResetAt),
        ),
      )
      .returning({ email: operators.email });
    enrolled.push(...updated.map((u) => u.email));
  }
  return enrolled;
}

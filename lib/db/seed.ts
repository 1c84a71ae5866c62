import 'server-only';
import { inArray } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from './client';
import { operators, type OperatorRole } from './schema';

/** Password of the demo operators (sandbox only). */
export const DEMO_OPERATOR_PASSWORD = 'konaplate-demo';

export const DEMO_OPERATORS: readonly { email: string; name: string; roles: OperatorRole[] }[] = [
  { email: 'agent@konaplate.test', name: 'Ada Agent', roles: ['agent'] },
  { email: 'manager@konaplate.test', name: 'Max Manager', roles: ['manager'] },
  { email: 'qa@konaplate.test', name: 'Quinn QA', roles: ['qa'] },
  { email: 'admin@konaplate.test', name: 'Avery Admin', roles: ['admin'] },
];

export interface SeedReport {
  /** Emails of the operators inserted by this call. */
  created: string[];
  /** Emails that already existed and were left untouched (password, roles, name, active). */
  existing: string[];
}

/**
 * Inserts one demo operator per role when absent (matched by email). Existing rows are never
 * modified, so a password, role set or deactivation changed by an admin survives re-seeding.
 */
export async function seedDemoOperators(db: Database, { password }: { password: string }): Promise<SeedReport> {
  const emails = DEMO_OPERATORS.map((o) => o.email.toLowerCase());
  const present = new Set(
    (await db.select({ email: operators.email }).from(operators).where(inArray(operators.email, emails))).map(
      (row) => row.email,
    ),
  );
  const missing = DEMO_OPERATORS.filter((o) => !present.has(o.email.toLowerCase()));
  if (missing.length === 0) return { created: [], existing: emails };

  const rows = await Promise.all(
    missing.map(async (o) => ({
      email: o.email.toLowerCase(),
      name: o.name,
      roles: o.roles,
      passwordHash: await hashPassword(password),
    })),
  );
  // ON CONFLICT DO NOTHING: a concurrent seeder (another process) may have inserted meanwhile.
  const inserted = await db
    .insert(operators)
    .values(rows)
    .onConflictDoNothing({ target: operators.email })
    .returning({ email: operators.email });
  const created = new Set(inserted.map((row) => row.email));
  return { created: emails.filter((e) => created.has(e)), existing: emails.filter((e) => !created.has(e)) };
}

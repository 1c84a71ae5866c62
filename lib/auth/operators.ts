import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, operators, type Operator } from '@/lib/db';
import type { Role } from '@/lib/domain/permissions';

/** Operator rows: sign-in bookkeeping and the admin page's changes. */

export type OperatorSummary = Pick<
  Operator,
  'id' | 'email' | 'name' | 'roles' | 'active' | 'createdAt' | 'lastSignInAt' | 'lockedUntil' | 'failedAttempts' | 'totpEnrolledAt'
> & {
  /** False for operators who sign in through OIDC only (their IdP does MFA). */
  hasPassword: boolean;
};

export async function findOperatorByEmail(email: string): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(operators).where(eq(operators.email, email.trim().toLowerCase())).limit(1);
  return row;
}

export async function findOperatorById(id: string): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(operators).where(eq(operators.id, id)).limit(1);
  return row;
}

export async function listOperators(): Promise<OperatorSummary[]> {
  const db = await getDb();
  return db
    .select({
      id: operators.id,
      email: operators.email,
      name: operators.name,
      roles: operators.roles,
      active: operators.active,
      createdAt: operators.createdAt,
      lastSignInAt: operators.lastSignInAt,
      lockedUntil: operators.lockedUntil,
      failedAttempts: operators.failedAttempts,
      totpEnrolledAt: operators.totpEnrolledAt,
      hasPassword: sql<boolean>`${operators.passwordHash} is not null`,
    })
    .from(operators)
    .orderBy(asc(operators.email));
}

export async function createOperator(input: {
  email: string;
  name: string;
  roles: Role[];
  passwordHash: string | null;
}): Promise<Operator> {
  const db = await getDb();
  const [row] = await db
    .insert(operators)
    .values({ ...input, email: input.email.trim().toLowerCase() })
    .returning();
  return row!;
}

export async function updateOperator(
  id: string,
  changes: Partial<Pick<Operator, 'roles' | 'active' | 'name' | 'passwordHash'>>,
): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.update(operators).set(changes).where(eq(operators.id, id)).returning();
  return row;
}

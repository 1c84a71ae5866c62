import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, operators, type Database, type Operator } from '@/lib/db';
import type { Role } from '@/lib/domain/permissions';
import { forgetSessionChecks } from './sessions';

/** Operator rows: sign-in bookkeeping and the admin page's changes. */

export type OperatorSummary = Pick<
  Operator,
  | 'id'
  | 'email'
  | 'name'
  | 'roles'
  | 'active'
  | 'createdAt'
  | 'lastSignInAt'
  | 'lockedUntil'
  | 'failedAttempts'
  | 'totpEnrolledAt'
  | 'oidcSubject'
> & {
  /** False for operators who sign in through OIDC only (their IdP does MFA). */
  hasPassword: boolean;
};

export async function findOperatorByEmail(email: string): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(operators).where(eq(operators.email, email.trim().toLowerCase())).limit(1);
  return row;
}

/** A company IdP identity: the issuer and the subject it names the user by. */
export interface CompanyIdentityKey {
  issuer: string;
  subject: string;
}

export async function findOperatorByCompanyIdentity({ issuer, subject }: CompanyIdentityKey): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(operators)
    .where(and(eq(operators.oidcIssuer, issuer), eq(operators.oidcSubject, subject)))
    .limit(1);
  return row;
}

export async function findOperatorById(id: string): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(operators).where(eq(operators.id, id)).limit(1);
  return row;
}

/** Every operator by e-mail: the admin page and the access review (which passes its own database in tests). */
export async function listOperators(database?: Database): Promise<OperatorSummary[]> {
  const db = database ?? (await getDb());
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
      oidcSubject: operators.oidcSubject,
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
  companyIdentity?: CompanyIdentityKey;
}): Promise<Operator> {
  const { companyIdentity, ...values } = input;
  const db = await getDb();
  const [row] = await db
    .insert(operators)
    .values({
      ...values,
      email: input.email.trim().toLowerCase(),
      oidcIssuer: companyIdentity?.issuer ?? null,
      oidcSubject: companyIdentity?.subject ?? null,
    })
    .returning();
  return row!;
}

/**
 * Binds a company identity to an operator (null unbinds). An identity belongs to one operator:
 * the unique index refuses a second, and this says so instead of throwing.
 */
export async function setCompanyIdentity(
  id: string,
  identity: CompanyIdentityKey | null,
): Promise<{ ok: true; operator: Operator } | { ok: false; reason: 'no-operator' | 'identity-taken'; holder?: string }> {
  if (identity) {
    const holder = await findOperatorByCompanyIdentity(identity);
    if (holder && holder.id !== id) return { ok: false, reason: 'identity-taken', holder: holder.email };
  }
  const db = await getDb();
  const [row] = await db
    .update(operators)
    .set({ oidcIssuer: identity?.issuer ?? null, oidcSubject: identity?.subject ?? null })
    .where(eq(operators.id, id))
    .returning();
  forgetSessionChecks();
  return row ? { ok: true, operator: row } : { ok: false, reason: 'no-operator' };
}

export async function updateOperator(
  id: string,
  changes: Partial<Pick<Operator, 'roles' | 'active' | 'name' | 'passwordHash' | 'locale'>>,
): Promise<Operator | undefined> {
  const db = await getDb();
  const [row] = await db.update(operators).set(changes).where(eq(operators.id, id)).returning();
  // Roles, deactivation and language take effect on the operator's very next request.
  forgetSessionChecks();
  return row;
}

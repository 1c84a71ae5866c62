import 'server-only';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, operatorRecoveryCodes, operators, operatorSessions, type Database, type Operator } from '@/lib/db';
import { logger } from '@/lib/log/logger';
import { canonicalRecoveryCode, isTotpCode } from '@/lib/schemas/mfa';
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode } from './mfa-crypto';
import { matchTotpStep, newRecoveryCodes, newTotpSecret } from './totp';
import { forgetSessionChecks } from './sessions';

/**
 * The second factor of password operators (PCI DSS 8.4.2): TOTP with replay refusal, single-use
 * recovery codes, enrolment and an admin's reset. OIDC operators have none here: their IdP
 * does MFA.
 *
 * Replay: each operator row keeps the last time step a code was accepted for; a code is good
 * only for a later step, and taking a step is one conditional UPDATE, so two requests with the
 * same code (on any number of console instances) cannot both pass.
 */

export type SecondFactorFailure = 'missing code' | 'wrong code' | 'code already used' | 'recovery code already used' | 'secret unreadable';

export type SecondFactorCheck =
  | { ok: true; factor: 'totp'; step: number }
  | { ok: true; factor: 'recovery-code'; recoveryCodesLeft: number }
  | { ok: false; reason: SecondFactorFailure };

const database = async (db?: Database) => db ?? (await getDb());

function readSecret(stored: string, operatorId: string): string | undefined {
  const secret = decryptTotpSecret(stored, operatorId);
  // The key changed or the value was damaged: the operator cannot pass until an admin resets MFA.
  if (secret === undefined) logger().error({ operatorId }, 'TOTP secret cannot be decrypted (was MFA_ENCRYPTION_KEY changed?)');
  return secret;
}

/** Takes `step` as this operator's last used one, unless it (or a later one) is taken already. */
async function claimTotpStep(db: Database, operatorId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(operators)
    .set({ totpLastStep: step })
    .where(and(eq(operators.id, operatorId), or(isNull(operators.totpLastStep), lt(operators.totpLastStep, step))))
    .returning({ id: operators.id });
  return rows.length === 1;
}

/**
 * Checks an enrolled operator's code: a TOTP code (spent at once: its step is taken) or, when
 * `recoveryCodes` allows, a recovery code (spent at once too).
 */
export async function verifySecondFactor(
  operator: Pick<Operator, 'id' | 'totpSecret' | 'totpLastStep'>,
  code: string,
  { now = new Date(), recoveryCodes = true, db }: { now?: Date; recoveryCodes?: boolean; db?: Database } = {},
): Promise<SecondFactorCheck> {
  const handle = await database(db);
  if (!operator.totpSecret) return { ok: false, reason: 'wrong code' };
  if (code === '') return { ok: false, reason: 'missing code' };

  if (isTotpCode(code)) {
    const secret = readSecret(operator.totpSecret, operator.id);
    if (secret === undefined) return { ok: false, reason: 'secret unreadable' };
    const step = matchTotpStep(secret, code, { now, lastStep: operator.totpLastStep });
    if (step === undefined) {
      const usedBefore = operator.totpLastStep !== null && matchTotpStep(secret, code, { now, lastStep: null }) !== undefined;
      return { ok: false, reason: usedBefore ? 'code already used' : 'wrong code' };
    }
    // Another request may have taken this step (or a later one) since the row was read.
    if (!(await claimTotpStep(handle, operator.id, step))) return { ok: false, reason: 'code already used' };
    return { ok: true, factor: 'totp', step };
  }

  const recovery = recoveryCodes ? canonicalRecoveryCode(code) : undefined;
  if (!recovery) return { ok: false, reason: 'wrong code' };
  const codeHash = hashRecoveryCode(recovery);
  const spent = await handle
    .update(operatorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(operatorRecoveryCodes.operatorId, operator.id),
        eq(operatorRecoveryCodes.codeHash, codeHash),
        isNull(operatorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: operatorRecoveryCodes.id });
  if (spent.length === 0) {
    const [used] = await handle
      .select({ id: operatorRecoveryCodes.id })
      .from(operatorRecoveryCodes)
      .where(and(eq(operatorRecoveryCodes.operatorId, operator.id), eq(operatorRecoveryCodes.codeHash, codeHash)))
      .limit(1);
    return { ok: false, reason: used ? 'recovery code already used' : 'wrong code' };
  }
  return { ok: true, factor: 'recovery-code', recoveryCodesLeft: await recoveryCodesLeft(operator.id, handle) };
}

export async function recoveryCodesLeft(operatorId: string, db?: Database): Promise<number> {
  const handle = await database(db);
  const [row] = await handle
    .select({ n: count() })
    .from(operatorRecoveryCodes)
    .where(and(eq(operatorRecoveryCodes.operatorId, operatorId), isNull(operatorRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/**
 * The secret an operator who has not enrolled is shown, created on first need and then the
 * same one until it is confirmed (a reload shows what the app already scanned).
 */
export async function pendingTotpSecret(operatorId: string, db?: Database): Promise<string | undefined> {
  const handle = await database(db);
  const [row] = await handle
    .select({ totpSecret: operators.totpSecret, pending: operators.totpPendingSecret })
    .from(operators)
    .where(eq(operators.id, operatorId))
    .limit(1);
  if (!row || row.totpSecret) return undefined;
  const existing = row.pending ? decryptTotpSecret(row.pending, operatorId) : undefined;
  if (existing) return existing;
  const secret = newTotpSecret();
  const encrypted = encryptTotpSecret(secret, operatorId);
  // Only where nothing (readable) was pending: two first loads at once end with one secret.
  const [stored] = await handle
    .update(operators)
    .set({ totpPendingSecret: encrypted })
    .where(
      and(
        eq(operators.id, operatorId),
        isNull(operators.totpSecret),
        row.pending === null ? isNull(operators.totpPendingSecret) : eq(operators.totpPendingSecret, row.pending),
      ),
    )
    .returning({ pending: operators.totpPendingSecret });
  if (stored) return secret;
  return pendingTotpSecret(operatorId, handle);
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'wrong code' | 'already enrolled' | 'nothing pending' };

/**
 * Confirms the pending secret with a code from the app: in one transaction the secret becomes
 * the operator's (the code's step counts as used), ten new recovery codes replace any old ones,
 * and the session that enrolled becomes a full one. Returns the codes, in clear, once.
 */
export async function completeEnrolment(
  { operatorId, sessionId, code, now = new Date() }: { operatorId: string; sessionId: string; code: string; now?: Date },
  db?: Database,
): Promise<EnrolmentResult> {
  const handle = await database(db);
  const [row] = await handle.select().from(operators).where(eq(operators.id, operatorId)).limit(1);
  if (!row) return { ok: false, reason: 'nothing pending' };
  if (row.totpSecret) return { ok: false, reason: 'already enrolled' };
  const secret = row.totpPendingSecret ? decryptTotpSecret(row.totpPendingSecret, operatorId) : undefined;
  if (!secret || !row.totpPendingSecret) return { ok: false, reason: 'nothing pending' };
  const step = matchTotpStep(secret, code, { now, lastStep: row.totpLastStep });
  if (step === undefined) return { ok: false, reason: 'wrong code' };

  const codes = newRecoveryCodes();
  const pending = row.totpPendingSecret;
  const enrolled = await handle.transaction(async (tx) => {
    const [done] = await tx
      .update(operators)
      .set({ totpSecret: pending, totpPendingSecret: null, totpEnrolledAt: now, totpLastStep: step })
      .where(and(eq(operators.id, operatorId), isNull(operators.totpSecret), eq(operators.totpPendingSecret, pending)))
      .returning({ id: operators.id });
    if (!done) return false;
    await tx.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, operatorId));
    await tx.insert(operatorRecoveryCodes).values(codes.map((c) => ({ operatorId, codeHash: hashRecoveryCode(c) })));
    await tx
      .update(operatorSessions)
      .set({ mfaEnrolmentPending: false })
      .where(and(eq(operatorSessions.id, sessionId), eq(operatorSessions.operatorId, operatorId)));
    return true;
  });
  forgetSessionChecks();
  return enrolled ? { ok: true, recoveryCodes: codes } : { ok: false, reason: 'already enrolled' };
}

/**
 * An admin's reset: the secret, anything pending and the recovery codes go; the operator
 * enrols again at the next sign-in. (The caller ends their sessions.)
 */
export async function resetMfa(operatorId: string, db?: Database, now = new Date()): Promise<Operator | undefined> {
  const handle = await database(db);
  const reset = await handle.transaction(async (tx) => {
    const [row] = await tx
      .update(operators)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastStep: null, mfaResetAt: now })
      .where(eq(operators.id, operatorId))
      .returning();
    if (row) await tx.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, operatorId));
    return row;
  });
  forgetSessionChecks();
  return reset;
}

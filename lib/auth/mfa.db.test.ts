import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { operatorRecoveryCodes, operators, operatorSessions } from '@/lib/db/schema';
import { describeOnDatabases } from '@/lib/db/testing/database-suite';
import { completeEnrolment, pendingTotpSecret, recoveryCodesLeft, resetMfa, verifySecondFactor } from './mfa';
import { decryptTotpSecret, hashRecoveryCode } from './mfa-crypto';
import { totpCodeAt, totpStep } from './totp';

const NOW = new Date('2026-11-25T10:00:05Z');
const STEP = totpStep(NOW);

async function newOperator(db: Database): Promise<{ id: string; sessionId: string }> {
  const [row] = await db
    .insert(operators)
    .values({ email: `mfa-${randomUUID()}@konaplate.test`, name: 'M', roles: ['agent'], passwordHash: 'scrypt$…' })
    .returning({ id: operators.id });
  const [session] = await db
    .insert(operatorSessions)
    .values({ operatorId: row!.id, userAgent: 'vitest', mfaEnrolmentPending: true })
    .returning({ id: operatorSessions.id });
  return { id: row!.id, sessionId: session!.id };
}

const rowOf = async (db: Database, id: string) => (await db.select().from(operators).where(eq(operators.id, id)))[0]!;

/** A new operator enrolled at NOW; its secret and recovery codes. */
async function enrolled(db: Database) {
  const { id, sessionId } = await newOperator(db);
  const secret = (await pendingTotpSecret(id, db))!;
  const result = await completeEnrolment({ operatorId: id, sessionId, code: totpCodeAt(secret, STEP), now: NOW }, db);
  if (!result.ok) throw new Error(result.reason);
  return { id, sessionId, secret, recoveryCodes: result.recoveryCodes };
}

describeOnDatabases('MFA (TOTP and recovery codes)', (database) => {
  it('shows one pending secret until a right code confirms it; then the secret, ten hashed codes and a full session', async () => {
    const { db } = database;
    const { id, sessionId } = await newOperator(db);
    const secret = await pendingTotpSecret(id, db);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A reload shows what the app already scanned; concurrent first loads agree.
    expect(await pendingTotpSecret(id, db)).toBe(secret);
    const again = await Promise.all([pendingTotpSecret(id, db), pendingTotpSecret(id, db)]);
    expect(again).toEqual([secret, secret]);
    const pendingRow = await rowOf(db, id);
    expect(pendingRow.totpPendingSecret).not.toContain(secret);
    expect(decryptTotpSecret(pendingRow.totpPendingSecret!, id)).toBe(secret);

    const wrong = totpCodeAt(secret!, STEP) === '000000' ? '111111' : '000000';
    expect(await completeEnrolment({ operatorId: id, sessionId, code: wrong, now: NOW }, db)).toEqual({ ok: false, reason: 'wrong code' });

    const result = await completeEnrolment({ operatorId: id, sessionId, code: totpCodeAt(secret!, STEP), now: NOW }, db);
    expect(result.ok).toBe(true);
    const codes = result.ok ? result.recoveryCodes : [];
    expect(codes).toHaveLength(10);

    const row = await rowOf(db, id);
    expect(row).toMatchObject({ totpPendingSecret: null, totpLastStep: STEP });
    expect(row.totpEnrolledAt).toEqual(NOW);
    expect(decryptTotpSecret(row.totpSecret!, id)).toBe(secret);
    const stored = await db.select().from(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, id));
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map((c) => hashRecoveryCode(c)).sort());
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);
    const [session] = await db.select().from(operatorSessions).where(eq(operatorSessions.id, sessionId));
    expect(session?.mfaEnrolmentPending).toBe(false);

    // Enrolled: nothing is pending any more, and enrolling again is refused.
    expect(await pendingTotpSecret(id, db)).toBeUndefined();
    const next = totpCodeAt(secret!, STEP + 1);
    expect(await completeEnrolment({ operatorId: id, sessionId, code: next, now: NOW }, db)).toEqual({ ok: false, reason: 'already enrolled' });
  });

  it('refuses a replayed code, and any code of a step not later than the last one used', async () => {
    const { db } = database;
    const { id, secret } = await enrolled(db);
    // The enrolment code's step is used: its code does not sign in.
    expect(await verifySecondFactor(await rowOf(db, id), totpCodeAt(secret, STEP), { now: NOW, db })).toEqual({
      ok: false,
      reason: 'code already used',
    });
    const next = totpCodeAt(secret, STEP + 1);
    expect(await verifySecondFactor(await rowOf(db, id), next, { now: NOW, db })).toEqual({ ok: true, factor: 'totp', step: STEP + 1 });
    expect(await verifySecondFactor(await rowOf(db, id), next, { now: new Date(NOW.getTime() + 20_000), db })).toEqual({
      ok: false,
      reason: 'code already used',
    });
    // Half a minute on, the step after is good; a code two steps away never is.
    const later = new Date(NOW.getTime() + 30_000);
    expect(await verifySecondFactor(await rowOf(db, id), totpCodeAt(secret, STEP + 4), { now: later, db })).toMatchObject({ ok: false });
    expect(await verifySecondFactor(await rowOf(db, id), totpCodeAt(secret, STEP + 2), { now: later, db })).toMatchObject({ ok: true, step: STEP + 2 });
    expect(await verifySecondFactor(await rowOf(db, id), '', { now: later, db })).toEqual({ ok: false, reason: 'missing code' });
  });

  it('lets one of two requests with the same code through, on a stale read too', async () => {
    const { db } = database;
    const { id, secret } = await enrolled(db);
    const stale = await rowOf(db, id);
    const code = totpCodeAt(secret, STEP + 1);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(stale, code, { now: NOW, db })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'code already used' },
      { ok: false, reason: 'code already used' },
    ]);
  });

  it('takes a recovery code once, even twice at the same time, and counts what is left', async () => {
    const { db } = database;
    const { id, recoveryCodes } = await enrolled(db);
    const [first, second] = recoveryCodes as [string, string];
    expect(await recoveryCodesLeft(id, db)).toBe(10);
    expect(await verifySecondFactor(await rowOf(db, id), first, { now: NOW, db })).toEqual({
      ok: true,
      factor: 'recovery-code',
      recoveryCodesLeft: 9,
    });
    expect(await verifySecondFactor(await rowOf(db, id), first, { now: NOW, db })).toEqual({ ok: false, reason: 'recovery code already used' });
    const row = await rowOf(db, id);
    const both = await Promise.all([1, 2].map(() => verifySecondFactor(row, second, { now: NOW, db })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await recoveryCodesLeft(id, db)).toBe(8);
    // Not accepted where only a TOTP code will do (the password change), nor someone else's.
    expect(await verifySecondFactor(await rowOf(db, id), recoveryCodes[2]!, { now: NOW, db, recoveryCodes: false })).toEqual({
      ok: false,
      reason: 'wrong code',
    });
    const other = await enrolled(db);
    expect(await verifySecondFactor(await rowOf(db, other.id), recoveryCodes[2]!, { now: NOW, db })).toEqual({ ok: false, reason: 'wrong code' });
    expect(await verifySecondFactor(await rowOf(db, id), 'abcd-efgh-jkmn', { now: NOW, db })).toEqual({ ok: false, reason: 'wrong code' });
  });

  it('resets: secret, pending secret and recovery codes go; the next enrolment shows a new secret', async () => {
    const { db } = database;
    const { id, secret, recoveryCodes } = await enrolled(db);
    const row = await resetMfa(id, db, NOW);
    expect(row).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastStep: null, mfaResetAt: NOW });
    expect(await recoveryCodesLeft(id, db)).toBe(0);
    expect(await verifySecondFactor(await rowOf(db, id), recoveryCodes[0]!, { now: NOW, db })).toEqual({ ok: false, reason: 'wrong code' });
    const fresh = await pendingTotpSecret(id, db);
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(fresh).not.toBe(secret);
  });

  it('keeps the database from holding a secret without its enrolment time', async () => {
    const { db } = database;
    const { id } = await newOperator(db);
    await expect(db.update(operators).set({ totpSecret: 'v1.a.b.c' }).where(eq(operators.id, id))).rejects.toThrow();
  });
});

import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { PendingEvent } from '@/lib/audit/append';
import { auditEvents, cardStateHistory, operators, reviewDailyCounts, reviewRollupBuckets, type NewOperator } from '@/lib/db/schema';
import { describeOnDatabases, failureOf } from '@/lib/db/testing/database-suite';
import { accessReviewSchedule, getAccessReview, getAccessReviewSignOff, listAccessReviewSignOffs, signOffAccessReview } from './access-review';
import { recordReviewRead } from './audit';
import { actionsPerDay, cardStatesSeen, frequentErrors, lastDays, resultCodesPerDay } from './charts';
import { deleteSavedAuditView, listSavedAuditViews, saveAuditView } from './saved-views';
import { auditOn, DAY, event, HOUR, member, MINUTE, operator, seed, testSettings } from './testing/seed';

const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const settings = testSettings();

describeOnDatabases('the access review, saved audit views and overview charts', (database) => {
  const NOW = new Date('2026-06-01T03:00:00Z');
  const row = (n: number, values: Partial<NewOperator>): NewOperator => ({
    id: operator(n).id,
    email: operator(n).email,
    name: `Operator ${n}`,
    roles: ['agent'],
    passwordHash: 'scrypt$…',
    createdAt: plus(NOW, -400 * DAY),
    ...values,
  });
  const enrolled = { totpSecret: 'encrypted', totpEnrolledAt: plus(NOW, -300 * DAY) };

  it('lists every operator with roles, MFA, last sign-in and company identity, flagged', async () => {
    const { db } = database;
    await db.insert(operators).values([
      row(1, { roles: ['admin'], ...enrolled, lastSignInAt: plus(NOW, -DAY) }),
      row(2, { ...enrolled, lastSignInAt: plus(NOW, -100 * DAY) }),
      row(3, { createdAt: plus(NOW, -2 * DAY) }),
      row(4, { passwordHash: null, oidcIssuer: 'https://idp.example', oidcSubject: 'sub-4', roles: ['manager'], lastSignInAt: plus(NOW, -3 * DAY) }),
      row(5, { active: false, ...enrolled, lastSignInAt: plus(NOW, -200 * DAY) }),
      row(6, { ...enrolled, roles: ['qa', 'agent'], lastSignInAt: plus(NOW, -HOUR), lockedUntil: plus(NOW, 10 * MINUTE), failedAttempts: 5 }),
      row(7, { roles: ['manager'], ...enrolled, lastSignInAt: plus(NOW, -2 * HOUR) }),
    ]);
    const review = await getAccessReview({ db, now: NOW, settings });
    expect(review).toMatchObject({ generatedAt: NOW.toISOString(), dormantDays: 90, lastSignOff: null, nextDueAt: null, overdue: true });
    expect(review.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(review.operators.map((o) => [o.email, o.roles, o.mfa, o.active, o.companyIdentityLinked, o.locked, o.flags])).toEqual([
      ['op1@konaplate.test', ['admin'], 'totp', true, false, false, ['privileged']],
      ['op2@konaplate.test', ['agent'], 'totp', true, false, false, ['dormant']],
      ['op3@konaplate.test', ['agent'], 'not-enrolled', true, false, false, ['never-signed-in', 'mfa-not-enrolled']],
      ['op4@konaplate.test', ['manager'], 'idp', true, true, false, []],
      ['op5@konaplate.test', ['agent'], 'totp', false, false, false, []],
      ['op6@konaplate.test', ['agent', 'qa'], 'totp', true, false, true, []],
      ['op7@konaplate.test', ['manager'], 'totp', true, false, false, []],
    ]);
    expect(review.operators[1]).toMatchObject({ lastSignInAt: plus(NOW, -100 * DAY).toISOString(), hasPassword: true, name: 'Operator 2' });
    // A sign-in moves no access: the hash a sign-off attests stays; a role change moves it.
    await db.update(operators).set({ lastSignInAt: NOW }).where(eq(operators.id, operator(2).id));
    expect((await getAccessReview({ db, now: NOW, settings })).snapshotHash).toBe(review.snapshotHash);
  });

  it('is signed off by a manager or admin, as seen, with a comment; the next review is due six months later', async () => {
    const { db } = database;
    const audit = auditOn(db);
    const review = await getAccessReview({ db, now: NOW, settings });
    const manager = { ...operator(7, ['manager']) };
    const signOff = (actor: typeof manager, snapshotHash = review.snapshotHash, comment = 'Reviewed with the team leads.', now = NOW) =>
      signOffAccessReview({ actor, comment, snapshotHash }, { db, audit, now, settings });

    expect(await signOff(operator(2))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await signOff(operator(6, ['qa', 'agent']))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await signOff(manager, review.snapshotHash, ' ')).toEqual({ ok: false, reason: 'comment-empty' });
    // Access changed since the list was shown: refused, with the list as it is now.
    await db.update(operators).set({ roles: ['agent', 'qa'] }).where(eq(operators.id, operator(3).id));
    const stale = await signOff(manager);
    expect(stale).toMatchObject({ ok: false, reason: 'stale' });
    const current = stale.ok === false && stale.reason === 'stale' ? stale.review : review;
    expect(current.snapshotHash).not.toBe(review.snapshotHash);

    const signed = await signOff(manager, current.snapshotHash);
    if (!signed.ok) throw new Error(signed.reason);
    expect(signed.signOff).toMatchObject({ signedAt: NOW.toISOString(), signedByEmail: manager.email, signedByRoles: ['manager'], operatorCount: 7, flaggedCount: 1, snapshotHash: current.snapshotHash });
    // 12:00 on 1 June in Korea: due 12:00 on 1 December.
    expect(signed.schedule).toMatchObject({ nextDueAt: '2026-12-01T03:00:00.000Z', overdue: false });
    const [audited] = await db.select().from(auditEvents).where(eq(auditEvents.id, signed.auditEventId));
    expect(audited).toMatchObject({ action: 'access-review-sign-off', operatorEmail: manager.email, requestSummary: { signOffId: signed.signOff.id, operators: 7, flagged: 1 } });

    expect(await accessReviewSchedule({ db, settings, now: new Date('2026-12-01T02:59:59Z') })).toMatchObject({ overdue: false, lastSignOff: { id: signed.signOff.id } });
    expect(await accessReviewSchedule({ db, settings, now: new Date('2026-12-01T03:00:00Z') })).toMatchObject({ overdue: true });
    expect(await accessReviewSchedule({ db, now: NOW, settings: { ...settings, accessReview: { dormantDays: 90, intervalMonths: 3 } } })).toMatchObject({ nextDueAt: '2026-09-01T03:00:00.000Z' });

    // An admin's later sign-off (1 July) starts the next six months.
    const again = await signOff(operator(1, ['admin']), current.snapshotHash, 'Second look.', plus(NOW, 30 * DAY));
    expect(again).toMatchObject({ ok: true, schedule: { nextDueAt: '2027-01-01T03:00:00.000Z' } });
    expect((await listAccessReviewSignOffs({ db })).map((s) => s.signedByEmail)).toEqual([operator(1).email, manager.email]);
    const kept = await getAccessReviewSignOff(signed.signOff.id, { db });
    expect(kept!.snapshot.map((o) => o.email)).toEqual(current.operators.map((o) => o.email));
    expect(kept!.snapshot.find((o) => o.email === operator(3).email)!.roles).toEqual(['agent', 'qa']);
    expect(await getAccessReviewSignOff(9_999, { db })).toBeNull();

    expect(await failureOf(db.execute(sql`update review_access_sign_offs set comment = 'edited'`))).toMatch(/append-only: UPDATE refused/);
    expect(await failureOf(db.execute(sql`delete from review_access_sign_offs`))).toMatch(/append-only: DELETE refused/);

    // Reading the review is itself audited (by the pages, through this helper).
    const read = await recordReviewRead(manager, 'access-review', { operators: 7 }, audit);
    const [readEvent] = await db.select().from(auditEvents).where(eq(auditEvents.id, read.id));
    expect(readEvent).toMatchObject({ action: 'review-read', outcome: 'ok', requestSummary: { target: 'access-review', operators: 7 } });
  });

  it('saves, lists and deletes an operator’s named audit views', async () => {
    const { db } = database;
    const manager = operator(7, ['manager']);
    const admin = operator(1, ['admin']);
    const save = (name: string, filters: Record<string, string | undefined>, actor = manager) => saveAuditView({ actor, name, filters }, { db });

    const saved = await save('  Rejected lookups  ', { action: 'unregistered-lookup', outcome: 'rejected', from: '2026-05-01', cursor: 'ignored', color: 'red' });
    expect(saved).toMatchObject({ ok: true, view: { name: 'Rejected lookups', filters: { action: 'unregistered-lookup', outcome: 'rejected', from: '2026-05-01' } } });
    expect(await save('REJECTED LOOKUPS', { outcome: 'rejected' })).toEqual({ ok: false, problems: ['name-taken'] });
    expect(await save('Rejected lookups', { outcome: 'rejected' }, admin)).toMatchObject({ ok: true });
    expect(await save('', { outcome: 'rejected' })).toEqual({ ok: false, problems: ['name-empty'] });
    expect(await save('\u200B', { outcome: 'rejected' })).toEqual({ ok: false, problems: ['name-empty'] });
    expect(await save('bad\u202Ename', { outcome: 'rejected' })).toEqual({ ok: false, problems: ['name-hidden-characters'] });
    expect(await save('x'.repeat(81), {})).toEqual({ ok: false, problems: ['name-too-long', 'filters-empty'] });
    expect(await save('Dates', { from: 'yesterday', member: '0123' })).toMatchObject({ ok: false, problems: ['filters-invalid'], filterErrors: ['from:time', 'member:member'] });
    expect(await save('Mine', { outcome: 'rejected' }, operator(2))).toEqual({ ok: false, problems: ['forbidden'] });
    expect(await save('가'.repeat(80), { member: member(1) })).toMatchObject({ ok: true, view: { name: '가'.repeat(80) } });
    expect(await save('another', { operator: 'AGENT@konaplate.test' })).toMatchObject({ ok: true });

    const mine = await listSavedAuditViews(manager.id, { db });
    expect(mine.map((v) => v.name)).toEqual(['another', 'Rejected lookups', '가'.repeat(80)]);
    expect(await deleteSavedAuditView({ actor: admin, id: mine[0]!.id }, { db })).toBe(false);
    expect(await deleteSavedAuditView({ actor: manager, id: mine[0]!.id }, { db })).toBe(true);
    expect((await listSavedAuditViews(manager.id, { db })).map((v) => v.name)).toEqual(['Rejected lookups', '가'.repeat(80)]);
    expect((await listSavedAuditViews(admin.id, { db })).map((v) => v.name)).toEqual(['Rejected lookups']);

    for (let i = 0; i < 48; i++) expect(await save(`View ${i}`, { outcome: 'ok' })).toMatchObject({ ok: true });
    expect(await save('One too many', { outcome: 'ok' })).toEqual({ ok: false, problems: ['too-many'] });
  });

  it('gives the overview its numbers per Korea-time day, finished days from the roll-up', async () => {
    const { db } = database;
    const now = new Date('2026-07-15T06:00:00Z'); // Wednesday 15:00 in Korea
    const agent = operator(71);
    const kst = (text: string) => new Date(`${text}+09:00`);
    type Outcome = 'ok' | 'rejected' | 'upstream_error' | 'unknown' | 'forbidden';
    const e = (when: string, action: PendingEvent['input']['action'], outcome: Outcome, resultCode?: string): PendingEvent =>
      event(kst(when), agent, { action, outcome, memberId: member(7), resultCode, correlationId: resultCode || outcome !== 'rejected' ? `c-${when}` : undefined });
    await seed(db, [
      e('2026-07-12T23:59:59', 'search', 'ok', '000_000'), // the day before the range
      e('2026-07-13T00:00:00', 'search', 'ok', '000_000'),
      e('2026-07-13T09:00:00', 'search', 'ok', '000_000'),
      e('2026-07-13T09:01:00', 'search', 'ok', '000_000'),
      e('2026-07-13T09:02:00', 'search', 'ok', '000_000'),
      e('2026-07-13T10:00:00', 'search', 'rejected', '001_006'),
      e('2026-07-13T10:01:00', 'search', 'rejected', '001_006'),
      e('2026-07-13T11:00:00', 'view-card', 'upstream_error', '900_500'),
      e('2026-07-13T12:00:00', 'sign-in', 'ok'),
      e('2026-07-14T09:00:00', 'issue-prepaid', 'unknown'),
      e('2026-07-14T09:10:00', 'reissue-prepaid', 'rejected', '003_018'),
      e('2026-07-14T09:20:00', 'reissue-prepaid', 'rejected', '003_018'),
      e('2026-07-14T09:30:00', 'search', 'ok', '000_000'),
      e('2026-07-14T09:40:00', 'unregistered-lookup', 'rejected', '003_901'),
      e('2026-07-14T09:50:00', 'issue-prepaid', 'rejected'), // refused input: never sent
      e('2026-07-14T23:59:59', 'search', 'ok', '000_000'),
      e('2026-07-15T09:00:00', 'search', 'ok', '000_000'),
      e('2026-07-15T09:30:00', 'view-card', 'upstream_error', '900_500'),
      e('2026-07-15T09:31:00', 'view-card', 'upstream_error', '900_500'),
      e('2026-07-15T10:00:00', 'forbidden', 'forbidden'),
    ]);
    const range = lastDays(3, now);
    expect(range.from.toISOString()).toBe('2026-07-12T15:00:00.000Z');

    const expected = {
      days: ['2026-07-13', '2026-07-14', '2026-07-15'],
      byOutcome: { ok: [5, 2, 1], rejected: [2, 4, 0], upstream_error: [1, 0, 2], unknown: [0, 1, 0], forbidden: [0, 0, 1] },
      total: [8, 7, 4],
    };
    expect(await actionsPerDay(range, { db, now })).toEqual(expected);
    // The finished days are rolled up (today is not), and the same numbers come back from there.
    const rolled = await db.select({ start: reviewRollupBuckets.bucketStart }).from(reviewRollupBuckets).where(eq(reviewRollupBuckets.kind, 'daily-counts'));
    expect(rolled.map((r) => r.start.toISOString()).sort()).toEqual(['2026-07-12T15:00:00.000Z', '2026-07-13T15:00:00.000Z']);
    expect(await db.$count(reviewDailyCounts, eq(reviewDailyCounts.day, '2026-07-13'))).toBe(4);
    expect(await actionsPerDay(range, { db, now })).toEqual(expected);
    expect(await actionsPerDay(range, { db, now, action: 'search' })).toMatchObject({ byOutcome: { ok: [4, 2, 1], rejected: [2, 0, 0] }, total: [6, 2, 1] });

    expect(await resultCodesPerDay(range, { db, now, top: 2 })).toEqual({
      days: expected.days,
      codes: ['900_500', '001_006', 'other'],
      series: { '900_500': [1, 0, 2], '001_006': [2, 0, 0], other: [0, 3, 0] },
    });
    expect((await resultCodesPerDay(range, { db, now, includeSuccess: true })).series['000_000']).toEqual([4, 2, 1]);

    expect(await frequentErrors(range, { db, now })).toEqual([
      { resultCode: '900_500', outcome: 'upstream_error', events: 3, actions: ['view-card'] },
      { resultCode: '001_006', outcome: 'rejected', events: 2, actions: ['search'] },
      { resultCode: '003_018', outcome: 'rejected', events: 2, actions: ['reissue-prepaid'] },
      { resultCode: null, outcome: 'unknown', events: 1, actions: ['issue-prepaid'] },
      { resultCode: '003_901', outcome: 'rejected', events: 1, actions: ['unregistered-lookup'] },
    ]);
    expect(await frequentErrors(lastDays(1, now), { db, now, limit: 1 })).toEqual([{ resultCode: '900_500', outcome: 'upstream_error', events: 2, actions: ['view-card'] }]);

    // Card states: each card's latest state, by business status.
    const d = (day: number) => plus(new Date('2026-07-01T00:00:00Z'), day * DAY);
    const state = (par: string, observedAt: Date, bizStatus?: string) =>
      db.insert(cardStateHistory).values({ memberId: member(7), par, observedAt, state: bizStatus ? { bizStatus, lifeStatus: 'ACTIVE' } : { lifeStatus: 'ACTIVE' }, stateHash: `${par}-${bizStatus}` });
    await state('PAR-1', d(1), 'NORMAL');
    await state('PAR-1', d(5), 'LOST');
    await state('PAR-2', d(1), 'NORMAL');
    await state('PAR-3', d(2));
    await state('PAR-4', d(0), 'NORMAL');
    await state('PAR-4', d(6), 'SUSPENDED');
    expect(await cardStatesSeen({}, { db })).toEqual([
      { bizStatus: 'LOST', cards: 1 },
      { bizStatus: 'NORMAL', cards: 1 },
      { bizStatus: 'SUSPENDED', cards: 1 },
      { bizStatus: 'unknown', cards: 1 },
    ]);
    expect(await cardStatesSeen({ from: d(5), to: d(7) }, { db })).toEqual([
      { bizStatus: 'LOST', cards: 1 },
      { bizStatus: 'SUSPENDED', cards: 1 },
    ]);
    expect(await cardStatesSeen({ to: d(5) }, { db })).toEqual([
      { bizStatus: 'NORMAL', cards: 3 },
      { bizStatus: 'unknown', cards: 1 },
    ]);
  });
});

import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { PendingEvent } from '@/lib/audit/append';
import type { Database } from '@/lib/db/client';
import { cardStateHistory, reviewFindings } from '@/lib/db/schema';
import { describeOnDatabases } from '@/lib/db/testing/database-suite';
import { storeFindings } from './findings';
import { cardTesting, EVENT_RULES, memberViewSpike, offHoursAction, reissueOfNewCard, signInFailures, signInLockout, unknownOutcomes, upstreamErrorRate, type RuleContext } from './rules';
import { DAY, event, HOUR, member, MINUTE, operator, seed, testSettings } from './testing/seed';

const settings = testSettings();
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** A rule context over [from, to), run an hour after `to` unless `now` says otherwise. */
function context(db: Database, from: Date, to: Date, now = plus(to, HOUR)): RuleContext {
  return { db, from, to, now, settings };
}

describeOnDatabases('the findings rules', (database) => {
  it('member-view-spike: an hour far above the operator’s own usual, not a usual busy hour nor a new operator’s first', async () => {
    const { db } = database;
    const H = at('2026-03-10T03:00:00Z');
    const [a, b, c, d] = [operator(1), operator(2), operator(3), operator(4)];
    const events: PendingEvent[] = [];
    const views = (who: typeof a, start: Date, members: number[], spacingMs = 1_000) =>
      members.forEach((m, i) => events.push(event(plus(start, i * spacingMs), who, { action: i % 2 ? 'view-card' : 'search', outcome: 'ok', memberId: member(m) })));
    const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
    // Baselines: A and B view 5 members an hour, twice a day for ten days; C 30 an hour for five.
    for (let day = 1; day <= 10; day++) {
      for (const hour of [0, 1]) {
        views(a, plus(H, -day * DAY + hour * HOUR), range(1, 5));
        views(b, plus(H, -day * DAY + hour * HOUR), range(1, 5));
        if (day <= 5) views(c, plus(H, -day * DAY + hour * HOUR), range(1, 30));
      }
    }
    // The hour: A views 40 members (then 20 of them again), B 20, C 40 (its usual is 30), D 25 (new).
    views(a, H, [...range(100, 40), ...range(100, 20)], MINUTE);
    views(b, H, range(100, 20), MINUTE);
    views(c, H, range(100, 40), MINUTE);
    views(d, H, range(100, 25), MINUTE);
    // A failed call is not a view of a member.
    events.push(event(plus(H, 45 * MINUTE), d, { action: 'search', outcome: 'upstream_error', memberId: member(999) }));
    const ids = await seed(db, events);

    // While the hour is under way (read from the trail): 30 of A's members in its first half hour.
    const live = await memberViewSpike(context(db, H, plus(H, 30 * MINUTE), plus(H, 30 * MINUTE)));
    expect(live.map((f) => [f.subject, f.detail.members])).toEqual([[a.id, 30]]);

    // Once it is over (read from the hourly roll-up).
    const found = await memberViewSpike(context(db, H, plus(H, HOUR)));
    expect(found).toHaveLength(1);
    const [finding] = found;
    expect(finding).toMatchObject({
      rule: 'member-view-spike',
      severity: 'medium',
      subjectKind: 'operator',
      subject: a.id,
      subjectLabel: a.email,
      windowStart: H,
      windowEnd: plus(H, HOUR),
      evidenceCount: 60,
      detail: { members: 40, threshold: 30, baselineP95: 5, baselineHours: 20, baselineDays: 14, factor: 3, minMembers: 30 },
    });
    // The first 50 of A's 60 views that hour, oldest first.
    const aIdsInHour = ids.slice(events.findIndex((e) => e.input.actor.id === a.id && e.options!.at! >= H));
    expect(finding!.evidenceIds).toEqual(aIdsInHour.slice(0, 50));
  });

  it('card-testing: repeated rejected unregistered-card lookups by one operator in one window', async () => {
    const { db } = database;
    const T = at('2026-03-11T02:00:00Z');
    const [tester, careful, slow] = [operator(11), operator(12), operator(13)];
    const lookup = (who: typeof tester, when: Date, outcome: 'ok' | 'rejected', resultCode: string) =>
      event(when, who, { action: 'unregistered-lookup', outcome, cardRef: '123456******7890', resultCode, correlationId: `c-${when.getTime()}-${who.id}` });
    const ids = await seed(db, [
      ...[0, 1, 2, 3, 4].map((i) => lookup(tester, plus(T, i * MINUTE), 'rejected', '003_901')),
      lookup(tester, plus(T, 5 * MINUTE), 'rejected', '003_902'),
      ...[0, 1, 2, 3].map((i) => lookup(careful, plus(T, i * MINUTE), 'rejected', '003_901')),
      ...[4, 5, 6, 7, 8].map((i) => lookup(careful, plus(T, i * MINUTE), 'ok', '000_000')),
      ...[0, 1, 2, 3, 4].map((i) => lookup(slow, plus(T, i * 10 * MINUTE), 'rejected', '003_901')),
    ]);
    const found = await cardTesting(context(db, T, plus(T, HOUR)));
    expect(found).toEqual([
      {
        rule: 'card-testing',
        severity: 'high',
        subjectKind: 'operator',
        subject: tester.id,
        subjectLabel: tester.email,
        windowStart: T,
        windowEnd: plus(T, 10 * MINUTE),
        evidenceIds: ids.slice(0, 6),
        evidenceCount: 6,
        detail: { lookups: 6, threshold: 5, windowMinutes: 10, resultCodes: { '003_901': 5, '003_902': 1 } },
      },
    ]);

    // Stored once: the same window again is the same finding, updated when its evidence grows.
    const first = await storeFindings(db, found, null, plus(T, HOUR));
    expect(first).toMatchObject({ new: 1, updated: 0 });
    expect(await storeFindings(db, await cardTesting(context(db, T, plus(T, HOUR))), null, plus(T, 2 * HOUR))).toMatchObject({ new: 0, updated: 0, ids: first.ids });
    await seed(db, [lookup(tester, plus(T, 9 * MINUTE), 'rejected', '003_901')]);
    // A run starting mid-window still reads the whole window.
    const again = await cardTesting(context(db, plus(T, 7 * MINUTE), plus(T, HOUR)));
    expect(await storeFindings(db, again, null, plus(T, 3 * HOUR))).toMatchObject({ new: 0, updated: 1, ids: first.ids });
    const rows = await db.select().from(reviewFindings).where(eq(reviewFindings.rule, 'card-testing'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ evidenceCount: 7, status: 'open', detail: { lookups: 7 } });
    expect(rows[0]!.evidenceIds).toHaveLength(7);
    expect(rows[0]!.lastDetectedAt.getTime()).toBe(plus(T, 3 * HOUR).getTime());
  });

  it('sign-in-failures and sign-in-lockout: failures per e-mail in a window, and every lock-out', async () => {
    const { db } = database;
    const T = at('2026-03-12T01:00:00Z');
    const known = operator(14);
    // As lib/auth/options.ts records them: the e-mail typed, the operator's id when it is known.
    const failure = (email: string, when: Date, reason: string, who: typeof known | null = null): PendingEvent => ({
      input: { actor: { id: who?.id ?? null, email, roles: who?.roles ?? [] }, action: 'sign-in-failure', outcome: 'rejected', request: { reason } },
      options: { at: when },
    });
    await seed(db, [
      ...[0, 1, 2, 3, 4].map((i) => failure('Guess@konaplate.test', plus(T, i * 5 * MINUTE), 'unknown email')),
      ...[0, 1, 2, 3].map((i) => failure('typo@konaplate.test', plus(T, i * 5 * MINUTE), 'wrong password')),
      ...Array.from({ length: 10 }, (_, i) => failure('spray@konaplate.test', plus(T, i * MINUTE), i % 2 ? 'wrong password' : 'throttled')),
      failure(known.email, plus(T, 1 * MINUTE), 'wrong password', known),
      failure(known.email, plus(T, 2 * MINUTE), 'wrong password', known),
      failure(known.email, plus(T, 3 * MINUTE), 'wrong password; now locked', known),
      failure(known.email, plus(T, 4 * MINUTE), 'locked', known),
      event(plus(T, 30 * MINUTE), known, { action: 'sign-in', outcome: 'ok' }),
    ]);
    const failures = await signInFailures(context(db, T, plus(T, HOUR)));
    expect(failures.map((f) => [f.subject, f.severity, f.evidenceCount, f.detail.reasons])).toEqual([
      ['guess@konaplate.test', 'low', 5, { 'unknown email': 5 }],
      ['spray@konaplate.test', 'medium', 10, { 'wrong password': 5, throttled: 5 }],
    ]);
    expect(failures[0]).toMatchObject({ subjectKind: 'email', subjectLabel: null, windowStart: T, windowEnd: plus(T, HOUR), detail: { failures: 5, threshold: 5, windowMinutes: 60 } });

    const lockouts = await signInLockout(context(db, T, plus(T, HOUR)));
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({
      rule: 'sign-in-lockout',
      severity: 'medium',
      subject: known.email,
      evidenceCount: 2,
      detail: { lockoutEvents: 2, reasons: { 'wrong password; now locked': 1, locked: 1 } },
    });
  });

  it('off-hours-action: card-changing actions and operator changes outside working hours and days, Korea time', async () => {
    const { db } = database;
    const [agent, admin] = [operator(21), operator(22, ['admin'])];
    const act = (who: typeof agent, kst: string, action: 'issue-prepaid' | 'issue-debit' | 'reissue-prepaid' | 'operator-change' | 'search') =>
      event(at(`${kst}+09:00`), who, { action, outcome: 'ok', memberId: action === 'operator-change' ? undefined : member(21) });
    const ids = await seed(db, [
      act(agent, '2026-03-15T10:00:00', 'reissue-prepaid'), // Sunday
      act(agent, '2026-03-16T07:59:00', 'issue-prepaid'), // Monday, before 08:00
      act(agent, '2026-03-16T08:00:00', 'issue-prepaid'), // Monday 08:00: working
      act(agent, '2026-03-16T19:59:00', 'issue-debit'), // working
      act(agent, '2026-03-16T20:00:00', 'issue-prepaid'), // Monday 20:00: after hours
      act(agent, '2026-03-17T10:00:00', 'issue-debit'), // Tuesday: working
      act(admin, '2026-03-18T23:00:00', 'operator-change'), // Wednesday night
      act(admin, '2026-03-18T23:30:00', 'search'), // not watched
    ]);
    const found = await offHoursAction(context(db, at('2026-03-15T00:00:00+09:00'), at('2026-03-19T00:00:00+09:00')));
    expect(found.map((f) => [f.subject, f.windowStart.toISOString(), f.evidenceIds, f.severity, f.detail.actions])).toEqual([
      [agent.id, '2026-03-14T15:00:00.000Z', [ids[0]], 'medium', { 'reissue-prepaid': 1 }],
      [agent.id, '2026-03-15T15:00:00.000Z', [ids[1], ids[4]], 'medium', { 'issue-prepaid': 2 }],
      [admin.id, '2026-03-17T15:00:00.000Z', [ids[6]], 'high', { 'operator-change': 1 }],
    ]);
    expect(found[1]).toMatchObject({ windowEnd: at('2026-03-16T15:00:00Z'), detail: { events: 2, workingHours: '08:00-20:00', workingDays: 'Mon,Tue,Wed,Thu,Fri,Sat' } });
    // Every day a working day, all day long: nothing is off hours.
    const always = { ...settings, workingDays: [1, 2, 3, 4, 5, 6, 7], workingHours: { startMinute: 0, endMinute: 1440, text: '00:00-24:00' } };
    expect(await offHoursAction({ ...context(db, at('2026-03-15T00:00:00+09:00'), at('2026-03-19T00:00:00+09:00')), settings: always })).toEqual([]);
  });

  it('reissue-of-new-card: a reissue of a card issued (or seen new) within the period, not of an old card first looked up lately', async () => {
    const { db } = database;
    const R = at('2026-04-20T03:00:00Z');
    const agent = operator(31);
    const [m1, m2, m3, m4, m5] = [member(301), member(302), member(303), member(304), member(305)];
    const seen = (memberId: string, par: string, when: Date, eventId: number | null = null) =>
      db.insert(cardStateHistory).values({ memberId, par, observedAt: when, state: { bizStatus: 'NORMAL' }, stateHash: `h-${par}`, auditEventId: eventId });
    const ids = await seed(db, [
      event(plus(R, -20 * DAY), agent, { action: 'search', outcome: 'ok', memberId: m1 }), // 0: full read of M1, no P1 then
      event(plus(R, -10 * DAY), agent, { action: 'search', outcome: 'ok', memberId: m1 }), // 1: P1 appears
      event(plus(R, -10 * DAY), agent, { action: 'view-card', outcome: 'ok', memberId: m2, cardRef: 'PAR-P2' }), // 2: P2 first looked up
      event(plus(R, -5 * DAY), agent, { action: 'issue-prepaid', outcome: 'ok', memberId: m3 }), // 3: M3 gets a card
      event(plus(R, -3 * DAY), agent, { action: 'issue-debit', outcome: 'ok', memberId: m4, cardRef: 'PAR-P4' }), // 4: issuance naming P4
      event(plus(R, -70 * DAY), agent, { action: 'search', outcome: 'ok', memberId: m5 }), // 5: full read of M5
      event(R, agent, { action: 'reissue-prepaid', outcome: 'ok', memberId: m1, cardRef: 'PAR-P1' }), // 6
      event(plus(R, MINUTE), agent, { action: 'reissue-prepaid', outcome: 'ok', memberId: m2, cardRef: 'PAR-P2' }), // 7
      event(plus(R, 2 * MINUTE), agent, { action: 'reissue-prepaid', outcome: 'ok', memberId: m3, cardRef: 'PAR-P3' }), // 8
      event(plus(R, 3 * MINUTE), agent, { action: 'reissue-prepaid', outcome: 'unknown', memberId: m4, cardRef: 'PAR-P4' }), // 9
      event(plus(R, 4 * MINUTE), agent, { action: 'reissue-prepaid', outcome: 'ok', memberId: m5, cardRef: 'PAR-P5' }), // 10
      event(plus(R, 5 * MINUTE), agent, { action: 'reissue-prepaid', outcome: 'rejected', memberId: m1, cardRef: 'PAR-P1', resultCode: '003_018' }), // 11
    ]);
    await seen(m1, 'PAR-P0', plus(R, -20 * DAY), ids[0]);
    await seen(m1, 'PAR-P1', plus(R, -10 * DAY), ids[1]);
    await seen(m2, 'PAR-P2', plus(R, -10 * DAY), ids[2]);
    await seen(m3, 'PAR-P3', plus(R, -4 * DAY));
    await seen(m4, 'PAR-P4', plus(R, -2 * DAY));
    await seen(m5, 'PAR-P5', plus(R, -60 * DAY));

    const found = await reissueOfNewCard(context(db, R, plus(R, HOUR)));
    expect(found.map((f) => [f.subject, f.detail.basis, f.windowStart.toISOString(), f.evidenceIds])).toEqual([
      ['PAR-P1', 'appeared-after-full-read', plus(R, -10 * DAY).toISOString(), [ids[0], ids[1], ids[6]]],
      ['PAR-P3', 'member-issuance', plus(R, -5 * DAY).toISOString(), [ids[3], ids[8]]],
      ['PAR-P4', 'issuance-event', plus(R, -3 * DAY).toISOString(), [ids[4], ids[9]]],
    ]);
    expect(found[0]).toMatchObject({
      severity: 'high',
      subjectKind: 'card',
      windowEnd: plus(R, 1),
      detail: { memberId: m1, reissuedBy: agent.email, ageDays: 10, periodDays: 30, reissueEventId: ids[6] },
    });
    // With a shorter period, P1 (10 days old) is no longer new.
    const short = await reissueOfNewCard({ ...context(db, R, plus(R, HOUR)), settings: { ...settings, reissueNewCardDays: 7 } });
    expect(short.map((f) => f.subject)).toEqual(['PAR-P3', 'PAR-P4']);
  });

  it('unknown-outcomes: repeated "outcome unknown" answers of one action', async () => {
    const { db } = database;
    const T = at('2026-03-13T02:00:00Z');
    const unknown = (who: number, minutes: number, action: 'issue-prepaid' | 'reissue-prepaid') =>
      event(plus(T, minutes * MINUTE), operator(who), { action, outcome: 'unknown', memberId: member(who), correlationId: `u-${who}-${minutes}` });
    const ids = await seed(db, [unknown(41, 5, 'issue-prepaid'), unknown(42, 10, 'issue-prepaid'), unknown(41, 15, 'issue-prepaid'), unknown(41, 20, 'reissue-prepaid'), unknown(42, 25, 'reissue-prepaid')]);
    const found = await unknownOutcomes(context(db, T, plus(T, HOUR)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'unknown-outcomes',
      severity: 'high',
      subjectKind: 'action',
      subject: 'issue-prepaid',
      evidenceIds: ids.slice(0, 3),
      detail: { unknown: 3, threshold: 3, windowMinutes: 60, operators: { [operator(41).email]: 2, [operator(42).email]: 1 } },
    });
  });

  it('upstream-error-rate: an action failing upstream too often, with enough calls', async () => {
    const { db } = database;
    const T = at('2026-03-14T02:00:00Z');
    const agent = operator(51);
    let n = 0;
    const calls = (action: 'view-card' | 'search' | 'unregistered-lookup' | 'issue-prepaid', start: Date, ok: number, failed: number, failure: 'upstream_error' | 'unknown' | 'rejected' = 'upstream_error', correlated = true) =>
      Array.from({ length: ok + failed }, (_, i) =>
        event(plus(start, i * MINUTE), agent, {
          action,
          outcome: i < ok ? 'ok' : failure,
          memberId: member(51),
          correlationId: correlated ? `e-${n++}` : undefined,
        }),
      );
    const ids = await seed(db, [
      ...calls('view-card', T, 15, 5), // 25 %: flagged
      ...calls('search', T, 28, 2), // 6.7 %
      ...calls('unregistered-lookup', T, 0, 10), // 100 % but 10 calls
      ...calls('issue-prepaid', T, 0, 25, 'rejected', false), // refused input, never sent
      ...calls('search', plus(T, HOUR), 10, 10, 'unknown'), // 50 %: high
    ]);
    const found = await upstreamErrorRate(context(db, T, plus(T, 2 * HOUR)));
    expect(found.map((f) => [f.subject, f.windowStart.toISOString(), f.severity, f.evidenceCount, f.detail.ratePercent])).toEqual([
      ['view-card', T.toISOString(), 'medium', 5, 25],
      ['search', plus(T, HOUR).toISOString(), 'high', 10, 50],
    ]);
    expect(found[0]!.evidenceIds).toEqual(ids.slice(15, 20));
    expect(found[0]!.detail).toMatchObject({ calls: 20, errors: 5, thresholdPercent: 20, minCalls: 20, windowMinutes: 60 });
  });

  it('stays quiet over an ordinary working day', async () => {
    const { db } = database;
    const day = at('2026-05-05T00:00:00+09:00'); // a Tuesday
    const agent = operator(61);
    const events: PendingEvent[] = [];
    const when = (hour: number, minute = 0) => plus(day, hour * HOUR + minute * MINUTE);
    events.push(event(when(9), agent, { action: 'sign-in-failure', outcome: 'rejected', request: { reason: 'wrong password' } }));
    events.push(event(when(9, 1), agent, { action: 'sign-in', outcome: 'ok' }));
    for (let i = 0; i < 12; i++) events.push(event(when(10, i * 3), agent, { action: 'search', outcome: 'ok', memberId: member(600 + i), correlationId: `o-${i}` }));
    events.push(event(when(11), agent, { action: 'view-card', outcome: 'ok', memberId: member(600), cardRef: 'PAR-Q1', correlationId: 'o-v' }));
    events.push(event(when(11, 5), agent, { action: 'issue-prepaid', outcome: 'ok', memberId: member(600), correlationId: 'o-i' }));
    events.push(event(when(11, 10), agent, { action: 'search', outcome: 'rejected', memberId: member(699), resultCode: '001_006', correlationId: 'o-r' }));
    events.push(event(when(14), agent, { action: 'unregistered-lookup', outcome: 'rejected', cardRef: '4111********1111', resultCode: '003_901', correlationId: 'o-l1' }));
    events.push(event(when(14, 1), agent, { action: 'unregistered-lookup', outcome: 'ok', cardRef: '4111********1112', resultCode: '000_000', correlationId: 'o-l2' }));
    events.push(event(when(15), agent, { action: 'search', outcome: 'upstream_error', memberId: member(601), correlationId: 'o-e' }));
    events.push(event(when(17), agent, { action: 'sign-out', outcome: 'ok' }));
    await seed(db, events);
    const ctx = context(db, day, plus(day, DAY));
    for (const [name, rule] of Object.entries(EVENT_RULES)) expect([name, await rule(ctx)]).toEqual([name, []]);
  });
});

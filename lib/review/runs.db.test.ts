import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { decodeCursor } from '@/lib/audit/cursor';
import { failureOf, describeOnDatabases } from '@/lib/audit/testing/database-suite';
import { closeDatabase, databaseDriver, databaseLocation, openDatabase, type Database } from '@/lib/db/client';
import { auditEvents, reviewFindingEvents, reviewFindings, reviewRuns } from '@/lib/db/schema';
import { changeFindingStatus, countFindings, listFindingHistories, listFindings, parseFindingsQuery } from './findings';
import { findingsReviewStatus, listFindingsRuns, runFindings, type RunFindingsResult } from './runs';
import { startFindingsSchedule } from './schedule';
import { auditOn, DAY, event, HOUR, member, MINUTE, operator, seed, testSettings } from './testing/seed';

const settings = testSettings();
const NOW = new Date('2026-06-01T03:00:00Z'); // Monday 12:00 in Korea
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const MANAGER = operator(900, ['manager']);
const ADMIN = operator(901, ['admin']);
const AGENT = operator(902);
const QA = operator(903, ['qa']);

/** Six rejected lookups by `who` from `start` (a card-testing finding), and an issuance at 02:00 Korea time (off hours). */
async function suspiciousDay(db: Database, who = AGENT) {
  const start = plus(NOW, -2 * HOUR);
  return seed(db, [
    ...Array.from({ length: 6 }, (_, i) =>
      event(plus(start, i * MINUTE), who, { action: 'unregistered-lookup', outcome: 'rejected', cardRef: '4111********1111', resultCode: '003_901', correlationId: `t-${i}` }),
    ),
    event(plus(NOW, -10 * HOUR), who, { action: 'issue-prepaid', outcome: 'ok', memberId: member(1), correlationId: 'i-1' }),
    event(plus(NOW, -3 * HOUR), who, { action: 'search', outcome: 'ok', memberId: member(2), correlationId: 's-1' }),
  ]);
}

function completed(result: RunFindingsResult) {
  if (result.status !== 'completed') throw new Error(`expected a completed run, got ${JSON.stringify(result)}`);
  return result;
}

/** What an attacker with database rights would do: disable the trigger, edit, re-enable. */
async function tamper(db: Database, id: number) {
  await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  await db.execute(sql`update audit_events set outcome = 'ok', result_code = '000_000' where id = ${id}`);
  await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
}

describeOnDatabases('findings runs', (fresh) => {
  it('runs every rule over the last day, stores each finding once, and lists them', async () => {
    const db = await fresh();
    const audit = auditOn(db);
    await suspiciousDay(db);
    expect(await findingsReviewStatus({ db, now: NOW, settings })).toEqual({ lastRun: null, lastCompleted: null, intervalMinutes: 15, overdue: true });
    expect(await runFindings({ db, actor: AGENT, now: NOW, settings, audit })).toEqual({ status: 'refused', reason: 'forbidden' });
    expect(await runFindings({ db, actor: MANAGER, from: plus(NOW, -40 * DAY), now: NOW, settings, audit })).toEqual({ status: 'refused', reason: 'range' });

    const first = completed(await runFindings({ db, actor: MANAGER, now: NOW, settings, audit }));
    expect(first.run).toMatchObject({
      trigger: 'manual',
      requestedByEmail: MANAGER.email,
      status: 'completed',
      rangeFrom: plus(NOW, -DAY).toISOString(),
      rangeTo: NOW.toISOString(),
      findingsNew: 2,
      findingsUpdated: 0,
      chainFull: true,
      chainChecked: 8,
    });
    expect(first.found).toMatchObject({ 'card-testing': 1, 'off-hours-action': 1, 'audit-chain-broken': 0, 'member-view-spike': 0 });
    expect(first.chain).toEqual({ ok: true, checked: 8, full: true });
    const [runEvent] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'findings-run'));
    expect(runEvent).toMatchObject({ operatorEmail: MANAGER.email, outcome: 'ok', requestSummary: { runId: first.run.id, findingsNew: 2, chainOk: true } });

    // Running the rules is management's (review.manage): QA reads the audit trail, but does not run them.
    expect(await runFindings({ db, actor: QA, now: NOW, settings, audit })).toEqual({ status: 'refused', reason: 'forbidden' });
    // The same range again: the same findings, nothing new, nothing added.
    const again = completed(await runFindings({ db, actor: ADMIN, now: plus(NOW, MINUTE), to: NOW, settings, audit }));
    expect(again.run).toMatchObject({ findingsNew: 0, findingsUpdated: 0 });
    expect(await db.$count(reviewFindings)).toBe(2);

    // Scheduled runs: the first reviews the last day, the next what came since.
    const scheduled = completed(await runFindings({ db, trigger: 'schedule', now: plus(NOW, HOUR), settings }));
    expect(scheduled.run).toMatchObject({ trigger: 'schedule', requestedByEmail: null, rangeFrom: plus(NOW, -23 * HOUR).toISOString(), findingsNew: 0 });
    const next = completed(await runFindings({ db, trigger: 'schedule', now: plus(NOW, 2 * HOUR), settings }));
    expect(next.run).toMatchObject({ rangeFrom: plus(NOW, HOUR).toISOString(), rangeTo: plus(NOW, 2 * HOUR).toISOString(), chainFull: false });
    // Between full verifications, only the events after the last verified head (itself included).
    expect(next.chain).toEqual({ ok: true, checked: 1, full: false });
    expect((await listFindingsRuns({ db })).map((run) => run.id)).toEqual([next.run.id, scheduled.run.id, again.run.id, first.run.id]);
    expect(await findingsReviewStatus({ db, now: plus(NOW, 3 * HOUR), settings })).toMatchObject({ lastRun: { id: next.run.id }, lastCompleted: { id: next.run.id }, overdue: false });
    expect((await findingsReviewStatus({ db, now: plus(NOW, 27 * HOUR), settings })).overdue).toBe(true);

    // Listing: newest window first, keyset pages, filters.
    const page1 = await listFindings({ status: ['open'] }, { db, limit: 1 });
    expect(page1.rows.map((f) => f.rule)).toEqual(['card-testing']);
    const page2 = await listFindings({ status: ['open'] }, { db, limit: 1, cursor: decodeCursor(page1.nextCursor!) });
    expect(page2).toMatchObject({ rows: [{ rule: 'off-hours-action', subject: AGENT.id, subjectLabel: AGENT.email, severity: 'medium' }], nextCursor: null });
    expect((await listFindings({ severity: ['high'] }, { db })).rows.map((f) => f.rule)).toEqual(['card-testing']);
    expect((await listFindings({ status: ['resolved'] }, { db })).rows).toEqual([]);
    expect((await listFindings({ subject: AGENT.id, from: plus(NOW, -3 * HOUR) }, { db })).rows.map((f) => f.rule)).toEqual(['card-testing']);
    const counts = await countFindings({ db });
    expect(counts.open).toEqual({ low: 0, medium: 1, high: 1, critical: 0 });
    expect(counts.resolved.high).toBe(0);

    const parsed = parseFindingsQuery({ status: 'open,acknowledged', severity: 'high', rule: 'card-testing', from: '2026-05-31', to: '2026-06-01' });
    expect(parsed).toMatchObject({ ok: true, query: { status: ['open', 'acknowledged'], severity: ['high'], rule: 'card-testing', from: new Date('2026-05-30T15:00:00Z'), toExclusive: new Date('2026-06-01T15:00:00Z') } });
    expect(parseFindingsQuery({ status: 'open,closed', rule: 'nope', to: '2026-02-30', cursor: 'x' })).toMatchObject({ ok: false, invalid: ['status', 'rule', 'to', 'cursor'] });
  });

  it('moves a finding open → acknowledged → resolved with a comment each, audited; re-runs keep its status', async () => {
    const db = await fresh();
    const audit = auditOn(db);
    await suspiciousDay(db);
    completed(await runFindings({ db, trigger: 'schedule', now: NOW, settings }));
    const [finding] = (await listFindings({ rule: 'card-testing' }, { db })).rows;
    const change = (input: Partial<Parameters<typeof changeFindingStatus>[0]>) =>
      changeFindingStatus({ findingId: finding!.id, to: 'acknowledged', comment: 'Looking into it.', actor: MANAGER, ...input }, { db, audit, now: plus(NOW, HOUR) });

    expect(await change({ actor: AGENT })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await change({ actor: QA })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await change({ comment: '  \n ' })).toEqual({ ok: false, reason: 'comment-empty' });
    expect(await change({ comment: 'ok\u202E' })).toEqual({ ok: false, reason: 'comment-hidden-characters' });
    expect(await change({ comment: 'x'.repeat(2001) })).toEqual({ ok: false, reason: 'comment-too-long' });
    expect(await change({ findingId: 999_999 })).toEqual({ ok: false, reason: 'not-found' });
    expect(await change({ to: 'open' })).toEqual({ ok: false, reason: 'not-allowed', current: 'open' });

    const acknowledged = await change({ comment: 'Called the agent:\nthe member was on the line.', expectedFrom: 'open' });
    expect(acknowledged).toMatchObject({ ok: true, finding: { status: 'acknowledged', statusChangedByEmail: MANAGER.email }, event: { fromStatus: 'open', toStatus: 'acknowledged' } });
    expect(await change({ to: 'resolved', expectedFrom: 'open' })).toEqual({ ok: false, reason: 'conflict', current: 'acknowledged' });

    // A re-run finds it again: evidence kept up to date, status untouched.
    await seed(db, [event(plus(NOW, -2 * HOUR + 7 * MINUTE), AGENT, { action: 'unregistered-lookup', outcome: 'rejected', resultCode: '003_901', correlationId: 't-7' })]);
    const rerun = completed(await runFindings({ db, actor: MANAGER, now: plus(NOW, 2 * HOUR), settings, audit }));
    expect(rerun.run).toMatchObject({ findingsNew: 0, findingsUpdated: 1 });
    expect((await listFindings({ rule: 'card-testing' }, { db })).rows).toMatchObject([{ id: finding!.id, status: 'acknowledged', evidenceCount: 7 }]);

    expect(await change({ to: 'resolved', comment: 'Training given.' })).toMatchObject({ ok: true, finding: { status: 'resolved' } });
    expect(await change({ to: 'acknowledged' })).toEqual({ ok: false, reason: 'not-allowed', current: 'resolved' });
    expect(await change({ to: 'open', comment: 'It happened again.', actor: ADMIN })).toMatchObject({ ok: true, finding: { status: 'open', statusChangedByEmail: ADMIN.email } });

    const histories = await listFindingHistories([finding!.id, 123_456], { db });
    const history = histories.get(finding!.id)!;
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.operatorEmail])).toEqual([
      ['open', 'acknowledged', MANAGER.email],
      ['acknowledged', 'resolved', MANAGER.email],
      ['resolved', 'open', ADMIN.email],
    ]);
    expect(history[0]!.comment).toBe('Called the agent:\nthe member was on the line.');
    expect(histories.get(123_456)).toEqual([]);
    expect(await listFindingHistories([], { db })).toEqual(new Map());

    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, 'finding-status-change')).orderBy(auditEvents.id);
    expect(audited.map((e) => [e.operatorEmail, e.requestSummary?.from, e.requestSummary?.to, e.requestSummary?.findingId])).toEqual([
      [MANAGER.email, 'open', 'acknowledged', finding!.id],
      [MANAGER.email, 'acknowledged', 'resolved', finding!.id],
      [ADMIN.email, 'resolved', 'open', finding!.id],
    ]);

    // The history is append-only; findings are never removed.
    expect(await failureOf(db.execute(sql`update review_finding_events set comment = 'rewritten'`))).toMatch(/append-only: UPDATE refused/);
    expect(await failureOf(db.execute(sql`delete from review_finding_events`))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`delete from review_findings`))).toMatch(/append-only: DELETE refused/);
    expect(await db.$count(reviewFindingEvents)).toBe(3);
  });

  it('runs one at a time across console instances sharing the database', async () => {
    const db = await fresh();
    // A second console instance: its own pool on PostgreSQL; PGlite lives in one process, one handle.
    const other = databaseDriver(db) === 'postgres' ? await openDatabase({ databaseUrl: databaseLocation(db) }) : db;
    try {
      await suspiciousDay(db);
      const results = await Promise.all([
        runFindings({ db, trigger: 'schedule', now: NOW, settings }),
        runFindings({ db: other, trigger: 'schedule', now: NOW, settings }),
        runFindings({ db: other, actor: MANAGER, now: NOW, settings, audit: auditOn(other) }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['busy', 'busy', 'completed']);
      const winner = results.find((r) => r.status === 'completed');
      expect(await db.$count(reviewFindings)).toBe(2);

      // The database itself refuses a second running run.
      const running = { trigger: 'schedule' as const, status: 'running' as const, rangeFrom: NOW, rangeTo: plus(NOW, HOUR), leaseUntil: plus(NOW, 2 * HOUR) };
      await db.insert(reviewRuns).values(running);
      expect(await failureOf(other.insert(reviewRuns).values(running))).toMatch(/review_runs_one_running|duplicate key|23505/);
      // While its lease holds, others wait their turn…
      expect(await runFindings({ db: other, trigger: 'schedule', now: plus(NOW, HOUR), settings })).toMatchObject({ status: 'busy', running: { status: 'running' } });
      // …and once it has run out (its console died), the next run marks it abandoned and goes ahead.
      const after = completed(await runFindings({ db: other, trigger: 'schedule', now: plus(NOW, 3 * HOUR), settings }));
      // A scheduled run reviews from the end of the last scheduled one (the last day when there is none).
      expect(after.run.rangeFrom).toBe(winner?.status === 'completed' && winner.run.trigger === 'schedule' ? NOW.toISOString() : plus(NOW, -21 * HOUR).toISOString());
      const statuses = await db.select({ status: reviewRuns.status, error: reviewRuns.error }).from(reviewRuns).orderBy(reviewRuns.id);
      expect(statuses.map((s) => s.status)).toEqual(['completed', 'abandoned', 'completed']);
      expect(statuses[1]!.error).toMatch(/lease expired/);
    } finally {
      if (other !== db) await closeDatabase(other);
    }
  });

  it('a scheduled run that another overtakes between reading where to start and starting stands down', async () => {
    const db = await fresh();
    completed(await runFindings({ db, trigger: 'schedule', now: NOW, settings }));
    // Another instance's run starts and completes after this one read the previous end, before it claims its turn.
    let overtaking: RunFindingsResult | undefined;
    const overtaken = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'insert') return Reflect.get(target, property, receiver);
        return (table: typeof reviewRuns) => {
          if (table !== reviewRuns || overtaking) return target.insert(table);
          return {
            values: (values: typeof reviewRuns.$inferInsert) => ({
              onConflictDoNothing: () => ({
                returning: async () => {
                  overtaking = await runFindings({ db: target, trigger: 'schedule', now: plus(NOW, 30 * MINUTE), settings });
                  return target.insert(table).values(values).onConflictDoNothing().returning();
                },
              }),
            }),
          };
        };
      },
    });
    expect(await runFindings({ db: overtaken, trigger: 'schedule', now: plus(NOW, HOUR), settings })).toEqual({ status: 'skipped', reason: 'recent' });
    expect(completed(overtaking!).run.rangeFrom).toBe(NOW.toISOString());
    // Its claim is withdrawn, so the next run goes on from where the overtaking one ended.
    const runs = await db.select().from(reviewRuns).orderBy(reviewRuns.id);
    expect(runs.map((run) => [run.status, run.rangeTo.toISOString()])).toEqual([
      ['completed', NOW.toISOString()],
      ['completed', plus(NOW, 30 * MINUTE).toISOString()],
    ]);
    expect(completed(await runFindings({ db, trigger: 'schedule', now: plus(NOW, HOUR), settings })).run.rangeFrom).toBe(plus(NOW, 30 * MINUTE).toISOString());
  });

  it('the schedule runs on each instance in turn, never two at once, covering time without gaps', async () => {
    const db = await fresh();
    const other = databaseDriver(db) === 'postgres' ? await openDatabase({ databaseUrl: databaseLocation(db) }) : db;
    try {
      const results: RunFindingsResult[] = [];
      const options = { intervalMs: 150, firstRunDelayMs: 0, settings, onResult: (r: RunFindingsResult) => results.push(r) };
      const a = startFindingsSchedule({ ...options, database: async () => db });
      const b = startFindingsSchedule({ ...options, database: async () => other });
      for (let waited = 0; results.filter((r) => r.status === 'completed').length < 4 && waited < 30_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await Promise.all([a.stop(), b.stop()]);
      const runs = await db.select().from(reviewRuns).orderBy(reviewRuns.startedAt, reviewRuns.id);
      expect(runs.length).toBeGreaterThanOrEqual(4);
      expect(runs.every((run) => run.status === 'completed')).toBe(true);
      // Each run took up exactly where the one before ended: had two run at once, both would have
      // started from the same earlier end.
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.rangeFrom.getTime()).toBe(runs[i - 1]!.rangeTo.getTime());
      expect(new Set(runs.map((run) => run.rangeFrom.getTime())).size).toBe(runs.length);
    } finally {
      if (other !== db) await closeDatabase(other);
    }
  });

  it('finds a broken hash chain (critical) once, verifying only new events between full verifications', async () => {
    const db = await fresh();
    const agent = operator(1);
    const events = (n: number, from: Date) => Array.from({ length: n }, (_, i) => event(plus(from, i * MINUTE), agent, { action: 'search', outcome: 'ok', memberId: member(i) }));
    const ids = await seed(db, events(20, plus(NOW, -5 * HOUR)));
    const run = async (now: Date) => completed(await runFindings({ db, trigger: 'schedule', now, settings }));

    expect((await run(NOW)).chain).toEqual({ ok: true, checked: 20, full: true });
    await seed(db, events(5, plus(NOW, 10 * MINUTE)));
    expect((await run(plus(NOW, HOUR))).chain).toEqual({ ok: true, checked: 6, full: false });

    await tamper(db, ids[3]!);
    // An old event changed: the runs in between check only what is new…
    expect((await run(plus(NOW, 2 * HOUR))).chain).toEqual({ ok: true, checked: 1, full: false });
    // …and the daily full verification finds it.
    const full = await run(plus(NOW, 25 * HOUR));
    expect(full.chain).toEqual({ ok: false, checked: 4, full: true });
    expect(full.run.findingsNew).toBe(1);
    const [broken] = (await listFindings({ rule: 'audit-chain-broken' }, { db })).rows;
    expect(broken).toMatchObject({
      severity: 'critical',
      subjectKind: 'audit-event',
      subject: String(ids[3]),
      subjectLabel: 'hash-mismatch',
      evidenceIds: [ids[2], ids[3]],
      detail: { kind: 'hash-mismatch', verifiedBefore: 3, fromChainStart: true },
    });
    // Every later run finds the same break again: still one finding.
    const later = await run(plus(NOW, 26 * HOUR));
    expect(later.chain).toMatchObject({ ok: false, full: false });
    expect(later.run.findingsNew).toBe(0);
    expect(await db.$count(reviewFindings, eq(reviewFindings.rule, 'audit-chain-broken'))).toBe(1);
  });

  it('finds a new event tampered with between full verifications', async () => {
    const db = await fresh();
    const agent = operator(1);
    const events = (n: number, from: Date) => Array.from({ length: n }, (_, i) => event(plus(from, i * MINUTE), agent, { action: 'search', outcome: 'rejected', memberId: member(i), resultCode: '001_006' }));
    await seed(db, events(10, plus(NOW, -HOUR)));
    completed(await runFindings({ db, trigger: 'schedule', now: NOW, settings }));
    const ids = await seed(db, events(5, plus(NOW, MINUTE)));
    await tamper(db, ids[2]!);
    const result = completed(await runFindings({ db, trigger: 'schedule', now: plus(NOW, HOUR), settings }));
    expect(result.chain).toEqual({ ok: false, checked: 4, full: false });
    expect((await listFindings({ rule: 'audit-chain-broken' }, { db })).rows.map((f) => f.subject)).toEqual([String(ids[2])]);
  });
});

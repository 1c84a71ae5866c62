import 'server-only';
import { and, desc, eq, isNotNull, lt, type SQL } from 'drizzle-orm';
import type { AuditActor } from '@/lib/audit/append';
import { getDb, type Database } from '@/lib/db/client';
import { reviewRuns, type ReviewRun } from '@/lib/db/schema';
import { can } from '@/lib/domain/permissions';
import { errorFields, logger } from '@/lib/log/logger';
import { defaultAuditRecorder } from './audit';
import { checkAuditChain } from './chain-check';
import { storeFindings, type ReviewDeps } from './findings';
import { ensureDailyCounts, pruneViewHours } from './rollups';
import { EVENT_RULES, type FindingDraft, type RuleContext } from './rules';
import { reviewSettings, type ReviewSettings } from './settings';
import { toNumber } from './sql';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import type { FindingRule, FindingsRunTrigger, FindingsRunView } from '@/lib/domain/review';

/**
 * Runs of the findings rules: on demand (a manager's "run now") and on the schedule
 * (schedule.ts). One run at a time across every console instance sharing the database: a run
 * is a `running` row of review_runs, and a partial unique index allows one such row, so a second
 * instance's insert finds the place taken and reports `busy` (PostgreSQL and PGlite alike; no
 * session or lock is held while the rules run). A run renews its lease as it goes; a console
 * that dies mid-run leaves a row whose lease runs out, and the next run marks it abandoned.
 *
 * The range: a scheduled run reviews what came since the previous run's end (the first, the last
 * FINDINGS_DEFAULT_RANGE_HOURS); a manual run the range given, or the last
 * FINDINGS_DEFAULT_RANGE_HOURS. At most MAX_RANGE_DAYS at once.
 */

export const MAX_RANGE_DAYS = 31;
/** A run not heard of for this long is abandoned. */
export const RUN_LEASE_MS = 30 * MINUTE_MS;

export interface RunFindingsOptions extends ReviewDeps {
  /** `manual` needs `actor` (who may read the audit trail); default: `manual` with an actor, else `schedule`. */
  trigger?: FindingsRunTrigger;
  actor?: AuditActor;
  from?: Date;
  to?: Date;
  settings?: ReviewSettings;
  leaseMs?: number;
}

export interface ChainSummary {
  ok: boolean;
  checked: number;
  /** Verified from the chain's start (else from the previous run's head). */
  full: boolean;
}

export type RunFindingsResult =
  | { status: 'completed'; run: FindingsRunView; found: Partial<Record<FindingRule, number>>; chain: ChainSummary }
  /** Another run (this instance or another) is under way. */
  | { status: 'busy'; running: FindingsRunView }
  | { status: 'failed'; run: FindingsRunView; error: string }
  /** Nothing to review (`empty-range`), or a scheduled run too soon after the last (`recent`), or no schedule (`disabled`). */
  | { status: 'skipped'; reason: 'empty-range' | 'recent' | 'disabled' }
  | { status: 'refused'; reason: 'forbidden' | 'range' };

export function toFindingsRunView(row: ReviewRun): FindingsRunView {
  return {
    id: toNumber(row.id),
    trigger: row.trigger,
    requestedByEmail: row.requestedByEmail,
    status: row.status,
    rangeFrom: row.rangeFrom.toISOString(),
    rangeTo: row.rangeTo.toISOString(),
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    findingsNew: row.findingsNew,
    findingsUpdated: row.findingsUpdated,
    chainChecked: row.chainChecked,
    chainFull: row.chainFull,
    error: row.error,
  };
}

/** The latest runs, newest first (the evidence of daily review). */
export async function listFindingsRuns(options: { limit?: number; db?: Database } = {}): Promise<FindingsRunView[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(reviewRuns)
    .orderBy(desc(reviewRuns.startedAt), desc(reviewRuns.id))
    .limit(Math.min(Math.max(options.limit ?? 20, 1), 500));
  return rows.map(toFindingsRunView);
}

export interface FindingsReviewStatus {
  /** The latest run, whatever its end. */
  lastRun: FindingsRunView | null;
  lastCompleted: FindingsRunView | null;
  /** Minutes between scheduled runs; 0 when there is no schedule. */
  intervalMinutes: number;
  /** No run completed in the last 24 hours (PCI DSS 10.4.1: at least daily). */
  overdue: boolean;
}

/** Whether the trail is being reviewed: the overview's status and the findings page's header. */
export async function findingsReviewStatus(options: { db?: Database; now?: Date; settings?: ReviewSettings } = {}): Promise<FindingsReviewStatus> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const [last] = await db.select().from(reviewRuns).orderBy(desc(reviewRuns.startedAt), desc(reviewRuns.id)).limit(1);
  const completed = await lastCompleted(db);
  return {
    lastRun: last ? toFindingsRunView(last) : null,
    lastCompleted: completed ? toFindingsRunView(completed) : null,
    intervalMinutes: (options.settings ?? reviewSettings()).intervalMinutes,
    overdue: !completed?.finishedAt || now.getTime() - completed.finishedAt.getTime() > DAY_MS,
  };
}

async function lastCompleted(db: Database, extra?: SQL) {
  const [row] = await db
    .select()
    .from(reviewRuns)
    .where(and(eq(reviewRuns.status, 'completed'), extra))
    .orderBy(desc(reviewRuns.id))
    .limit(1);
  return row;
}

/** Marks runs whose lease ran out as abandoned, so the next one may start. */
async function abandonExpired(db: Database, now: Date): Promise<void> {
  await db
    .update(reviewRuns)
    .set({ status: 'abandoned', finishedAt: now, error: 'lease expired: its console stopped or hung' })
    .where(and(eq(reviewRuns.status, 'running'), lt(reviewRuns.leaseUntil, now)));
}

class LeaseLost extends Error {
  constructor() {
    super('the run lost its lease (it took longer than its lease without renewing it) and was abandoned');
  }
}

/** Runs every rule over the range, stores the findings; see the module comment. */
export async function runFindings(options: RunFindingsOptions = {}): Promise<RunFindingsResult> {
  const trigger = options.trigger ?? (options.actor ? 'manual' : 'schedule');
  const { actor } = options;
  if (trigger === 'manual' && (!actor?.id || !can(actor.roles, 'review.manage'))) return { status: 'refused', reason: 'forbidden' };
  const db = options.db ?? (await getDb());
  const settings = options.settings ?? reviewSettings();
  const leaseMs = options.leaseMs ?? RUN_LEASE_MS;
  const startedAt = options.now ?? new Date();
  const started = performance.now();
  const clock = () => new Date(startedAt.getTime() + Math.round(performance.now() - started));

  await abandonExpired(db, startedAt);

  const to = options.to ?? startedAt;
  const continues = !options.from && trigger === 'schedule';
  const previousEnd = async () => (await lastCompleted(db, eq(reviewRuns.trigger, 'schedule')))?.rangeTo?.getTime();
  const readEnd = continues ? await previousEnd() : undefined;
  let from = options.from ?? (readEnd === undefined ? undefined : new Date(readEnd));
  from ??= new Date(to.getTime() - settings.defaultRangeHours * HOUR_MS);
  const earliest = new Date(to.getTime() - MAX_RANGE_DAYS * DAY_MS);
  if (from < earliest) {
    if (options.from) return { status: 'refused', reason: 'range' };
    from = earliest;
  }
  if (from >= to) return options.from ? { status: 'refused', reason: 'range' } : { status: 'skipped', reason: 'empty-range' };

  const [run] = await db
    .insert(reviewRuns)
    .values({
      trigger,
      requestedBy: trigger === 'manual' ? actor!.id : null,
      requestedByEmail: trigger === 'manual' ? actor!.email : null,
      status: 'running',
      rangeFrom: from,
      rangeTo: to,
      // When it actually started: after the previous run's end, whatever the range says.
      startedAt: clock(),
      leaseUntil: new Date(clock().getTime() + leaseMs),
    })
    .onConflictDoNothing()
    .returning();
  if (!run) {
    const [running] = await db.select().from(reviewRuns).where(eq(reviewRuns.status, 'running')).limit(1);
    if (running) return { status: 'busy', running: toFindingsRunView(running) };
    // It finished between our insert and this read: still someone else's turn.
    return { status: 'skipped', reason: 'recent' };
  }
  const runId = toNumber(run.id);
  // The previous end was read before the claim, so a run that completed in between would be
  // covered twice; now no other run can complete. If it moved, that run was this turn.
  if (continues && (await previousEnd()) !== readEnd) {
    await db.delete(reviewRuns).where(eq(reviewRuns.id, run.id));
    return { status: 'skipped', reason: 'recent' };
  }
  let lastRenewal = performance.now();
  const renewLease = async () => {
    lastRenewal = performance.now();
    const now = clock();
    const renewed = await db
      .update(reviewRuns)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(and(eq(reviewRuns.id, runId), eq(reviewRuns.status, 'running')))
      .returning({ id: reviewRuns.id });
    if (renewed.length === 0) throw new LeaseLost();
  };

  try {
    const context: RuleContext = { db, from, to, now: startedAt, settings };
    const drafts: FindingDraft[] = [];
    const found: Partial<Record<FindingRule, number>> = {};
    for (const [name, rule] of Object.entries(EVENT_RULES) as [FindingRule, (typeof EVENT_RULES)[keyof typeof EVENT_RULES]][]) {
      const ruleDrafts = await rule(context);
      drafts.push(...ruleDrafts);
      found[name] = ruleDrafts.length;
      await renewLease();
    }

    const [previousHead, lastFull] = await Promise.all([lastCompleted(db, isNotNull(reviewRuns.chainHeadId)), lastCompleted(db, eq(reviewRuns.chainFull, true))]);
    const chain = await checkAuditChain(db, {
      previous: {
        head: previousHead?.chainHeadId != null && previousHead.chainHeadHash ? { id: toNumber(previousHead.chainHeadId), hash: previousHead.chainHeadHash } : null,
        lastFullAt: lastFull?.startedAt ?? null,
      },
      fullEveryHours: settings.chainFullVerifyHours,
      now: startedAt,
      // A full verification of a long trail outlasts a lease: renewed every minute or so.
      between: async () => {
        if (performance.now() - lastRenewal > MINUTE_MS) await renewLease();
      },
    });
    if (chain.draft) drafts.push(chain.draft);
    found['audit-chain-broken'] = chain.draft ? 1 : 0;
    await renewLease();

    const stored = await storeFindings(db, drafts, runId, startedAt);
    await ensureDailyCounts(db, from, to, startedAt);
    await pruneViewHours(db, new Date(startedAt.getTime() - (settings.view.baselineDays + MAX_RANGE_DAYS + 1) * DAY_MS));

    const [completed] = await db
      .update(reviewRuns)
      .set({
        status: 'completed',
        finishedAt: clock(),
        findingsNew: stored.new,
        findingsUpdated: stored.updated,
        chainHeadId: chain.nextHead?.id ?? null,
        chainHeadHash: chain.nextHead?.hash ?? null,
        chainChecked: chain.verification.checked,
        chainFull: chain.full,
      })
      .where(and(eq(reviewRuns.id, runId), eq(reviewRuns.status, 'running')))
      .returning();
    if (!completed) throw new LeaseLost();
    const view = toFindingsRunView(completed);
    logger().info(
      { runId, trigger, from: view.rangeFrom, to: view.rangeTo, findingsNew: stored.new, findingsUpdated: stored.updated, chainOk: chain.verification.ok, durationMs: Math.round(performance.now() - started) },
      'findings run completed',
    );
    if (trigger === 'manual') {
      await (options.audit ?? defaultAuditRecorder)({
        actor: actor!,
        action: 'findings-run',
        outcome: 'ok',
        request: { runId, from: view.rangeFrom, to: view.rangeTo, findingsNew: stored.new, findingsUpdated: stored.updated, chainOk: chain.verification.ok },
      });
    }
    return { status: 'completed', run: view, found, chain: { ok: chain.verification.ok, checked: chain.verification.checked, full: chain.full } };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    logger().error({ runId, trigger, error: errorFields(error) }, 'findings run failed');
    const [failed] = await db
      .update(reviewRuns)
      .set({ status: 'failed', finishedAt: clock(), error: message })
      .where(and(eq(reviewRuns.id, runId), eq(reviewRuns.status, 'running')))
      .returning();
    const [row] = failed ? [failed] : await db.select().from(reviewRuns).where(eq(reviewRuns.id, runId));
    return { status: 'failed', run: toFindingsRunView(row!), error: message };
  }
}

/**
 * One scheduled run, unless the schedule is off or a run (by any instance) started less than
 * half an interval ago: instances on the same interval then take turns instead of each running.
 */
export async function runScheduledFindings(options: Omit<RunFindingsOptions, 'trigger' | 'actor' | 'from' | 'to'> & { intervalMs?: number } = {}): Promise<RunFindingsResult> {
  const settings = options.settings ?? reviewSettings();
  const intervalMs = options.intervalMs ?? settings.intervalMinutes * MINUTE_MS;
  if (intervalMs <= 0) return { status: 'skipped', reason: 'disabled' };
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const [last] = await db
    .select({ startedAt: reviewRuns.startedAt, status: reviewRuns.status })
    .from(reviewRuns)
    .where(eq(reviewRuns.trigger, 'schedule'))
    .orderBy(desc(reviewRuns.id))
    .limit(1);
  if (last && last.status === 'completed' && now.getTime() - last.startedAt.getTime() < intervalMs / 2) return { status: 'skipped', reason: 'recent' };
  return runFindings({ ...options, db, settings, now, trigger: 'schedule' });
}

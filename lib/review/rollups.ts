import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { reviewRollupBuckets, reviewViewHours } from '@/lib/db/schema';
import { textList, toDate, ts, windowStartSql } from './sql';
import { DAY_MS, HOUR_MS, kstDay, kstDayStart, MINUTE_MS, windowStart } from './time';

/**
 * Roll-ups of the audit trail, so the rules and the charts read a few rows per hour or day
 * instead of every event. The trail is append-only and events are stamped when they are
 * written, so a bucket that ended more than SETTLE_MS ago no longer changes: it is computed once
 * (review_rollup_buckets records which are done) and a bucket still under way is always read
 * from audit_events itself. Computing a bucket again gives the same rows (an upsert), so two
 * writers at once are harmless.
 *
 * The retention purge removes old events, not their counts: the daily counts keep the
 * history of the charts (no personal data in them).
 */

/** Events are stamped before their group commit; a bucket is final this long after its end. */
export const SETTLE_MS = 5 * MINUTE_MS;

/** Actions that view a member (their cards, balances, statuses). */
export const VIEW_ACTIONS = ['search', 'view-card'] as const;
/** Outcomes of a view that count: the member was looked at (found or not), not a failed call. */
export const VIEW_OUTCOMES = ['ok', 'rejected'] as const;

type RollupKind = 'view-hours' | 'daily-counts';

/** Buckets per transaction: short transactions (PGlite serialises everything behind one). */
const BUCKETS_PER_STATEMENT = { 'view-hours': 24, 'daily-counts': 1 } as const;

/** The finished buckets (starts) of [from, to) that are not rolled up yet. */
async function missingBuckets(db: Database, kind: RollupKind, starts: readonly Date[]): Promise<Date[]> {
  if (starts.length === 0) return [];
  const done = await db
    .select({ start: reviewRollupBuckets.bucketStart })
    .from(reviewRollupBuckets)
    .where(
      and(
        eq(reviewRollupBuckets.kind, kind),
        gte(reviewRollupBuckets.bucketStart, starts[0]!),
        lt(reviewRollupBuckets.bucketStart, new Date(starts[starts.length - 1]!.getTime() + 1)),
      ),
    );
  const doneTimes = new Set(done.map((row) => toDate(row.start).getTime()));
  return starts.filter((start) => !doneTimes.has(start.getTime()));
}

/** Consecutive buckets grouped into spans of at most `max`. */
function spans(starts: readonly Date[], bucketMs: number, max: number): Date[][] {
  const out: Date[][] = [];
  for (const start of starts) {
    const last = out[out.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && start.getTime() - previous.getTime() === bucketMs && last.length < max) last.push(start);
    else out.push([start]);
  }
  return out;
}

async function markDone(tx: Database, kind: RollupKind, starts: readonly Date[]): Promise<void> {
  await tx
    .insert(reviewRollupBuckets)
    .values(starts.map((bucketStart) => ({ kind, bucketStart })))
    .onConflictDoNothing();
}

/* ------------------------------------------------------------------------------------------ */
/* Distinct members viewed per operator and hour                                               */
/* ------------------------------------------------------------------------------------------ */

/** The end of the last finished hour at `now`: hours before it come from the roll-up. */
export function finishedHoursEnd(now: Date): Date {
  return windowStart(new Date(now.getTime() - SETTLE_MS), HOUR_MS);
}

/** The view events (search, view-card, counted outcomes) of [from, to). */
export function viewEventsSql(from: Date, to: Date) {
  return sql`action in (${textList(VIEW_ACTIONS)}) and outcome in (${textList(VIEW_OUTCOMES)})
             and at >= ${ts(from)} and at < ${ts(to)} and operator_id is not null and member_id is not null`;
}

/** Rolls up every finished hour of [from, to) not done yet; returns how many hours it computed. */
export async function ensureViewHours(db: Database, from: Date, to: Date, now: Date): Promise<number> {
  const end = new Date(Math.min(finishedHoursEnd(now).getTime(), to.getTime()));
  const starts: Date[] = [];
  for (let hour = windowStart(from, HOUR_MS); hour < end; hour = new Date(hour.getTime() + HOUR_MS)) starts.push(hour);
  const missing = await missingBuckets(db, 'view-hours', starts);
  for (const span of spans(missing, HOUR_MS, BUCKETS_PER_STATEMENT['view-hours'])) {
    const spanFrom = span[0]!;
    const spanTo = new Date(span[span.length - 1]!.getTime() + HOUR_MS);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into review_view_hours (operator_id, hour, members, views)
        select operator_id, ${windowStartSql(sql`at`, HOUR_MS)}, count(distinct member_id)::int, count(*)::int
        from audit_events
        where ${viewEventsSql(spanFrom, spanTo)}
        group by 1, 2
        on conflict (operator_id, hour) do update set members = excluded.members, views = excluded.views`);
      await markDone(tx as unknown as Database, 'view-hours', span);
    });
  }
  return missing.length;
}

/** Drops hourly roll-ups older than `before` (they are computed again if ever needed). */
export async function pruneViewHours(db: Database, before: Date): Promise<void> {
  await db.delete(reviewViewHours).where(lt(reviewViewHours.hour, before));
  await db.delete(reviewRollupBuckets).where(and(eq(reviewRollupBuckets.kind, 'view-hours'), lt(reviewRollupBuckets.bucketStart, before)));
}

/* ------------------------------------------------------------------------------------------ */
/* Events per Korea-time day, action, outcome and result code                                  */
/* ------------------------------------------------------------------------------------------ */

/** Rolls up every finished Korea-time day that [from, to) touches and is not done yet. */
export async function ensureDailyCounts(db: Database, from: Date, to: Date, now: Date): Promise<number> {
  const settled = now.getTime() - SETTLE_MS;
  const starts: Date[] = [];
  for (let day = kstDayStart(from); day < to && day.getTime() + DAY_MS <= settled; day = new Date(day.getTime() + DAY_MS)) starts.push(day);
  const missing = await missingBuckets(db, 'daily-counts', starts);
  for (const start of missing) {
    const end = new Date(start.getTime() + DAY_MS);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into review_daily_counts (day, action, outcome, result_code, events)
        select ${kstDay(start)}::date, action, outcome, coalesce(result_code, ''), count(*)::int
        from audit_events
        where at >= ${ts(start)} and at < ${ts(end)}
        group by 2, 3, 4
        on conflict (day, action, outcome, result_code) do update set events = excluded.events`);
      await markDone(tx as unknown as Database, 'daily-counts', [start]);
    });
  }
  return missing.length;
}

/** The Korea-time days (starts) of [from, to) whose counts are rolled up. */
export async function rolledUpDays(db: Database, from: Date, to: Date): Promise<Set<string>> {
  const rows = await db
    .select({ start: reviewRollupBuckets.bucketStart })
    .from(reviewRollupBuckets)
    .where(and(eq(reviewRollupBuckets.kind, 'daily-counts'), gte(reviewRollupBuckets.bucketStart, kstDayStart(from)), lt(reviewRollupBuckets.bucketStart, to)));
  return new Set(rows.map((row) => kstDay(toDate(row.start))));
}

import 'server-only';
import { and, gte, lte, sql } from 'drizzle-orm';
import { getDb, queryRows, type Database } from '@/lib/db/client';
import { reviewDailyCounts } from '@/lib/db/schema';
import { AUDIT_OUTCOME_NAMES, UPSTREAM_ACTIONS } from '@/lib/domain/audit';
import { ensureDailyCounts, rolledUpDays } from './rollups';
import { toNumber, ts } from './sql';
import { DAY_MS, kstDayStart, kstDayStartOf, kstDaysBetween } from './time';
import type { ActionsPerDay, CardStateCount, ErrorCount, ResultCodesPerDay } from '@/lib/domain/review';

/**
 * The overview's chart data, per Korea-time day. Finished days come from the daily roll-up
 * (rollups.ts: computed once, a few rows per day), the day under way from the audit trail, so
 * a chart over months reads hundreds of rows, not millions. Every function takes whole days:
 * the days that [from, to) touches (see `lastDays`).
 */

export interface ChartRange {
  from: Date;
  to: Date;
}

export interface ChartOptions {
  db?: Database;
  now?: Date;
}

/** The last `days` Korea-time days up to now, today included. */
export function lastDays(days: number, now = new Date()): ChartRange {
  return { from: new Date(kstDayStart(now).getTime() - (days - 1) * DAY_MS), to: now };
}

interface DailyRow {
  day: string;
  action: string;
  outcome: string;
  /** '' when the event has none. */
  resultCode: string;
  events: number;
}

/** Events per day, action, outcome and result code over the days of `range`. */
async function dailyRows(range: ChartRange, options: ChartOptions): Promise<{ days: string[]; rows: DailyRow[] }> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const days = kstDaysBetween(range.from, range.to);
  if (days.length === 0) return { days, rows: [] };
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const end = new Date(kstDayStartOf(last).getTime() + DAY_MS);
  await ensureDailyCounts(db, kstDayStartOf(first), end, now);
  const done = await rolledUpDays(db, kstDayStartOf(first), end);
  const rolled = await db
    .select()
    .from(reviewDailyCounts)
    .where(and(gte(reviewDailyCounts.day, first), lte(reviewDailyCounts.day, last)));
  const rows: DailyRow[] = rolled.map((row) => ({ ...row, day: String(row.day).slice(0, 10) }));
  // The days not rolled up yet (today, the minutes after midnight): straight from the trail.
  const live = days.filter((day) => !done.has(day));
  if (live.length > 0) {
    const liveFrom = kstDayStartOf(live[0]!);
    const liveTo = new Date(kstDayStartOf(live[live.length - 1]!).getTime() + DAY_MS);
    const liveRows = await queryRows<Record<string, unknown>>(
      db,
      sql`select to_char((at at time zone 'UTC') + interval '9 hours', 'YYYY-MM-DD') as day, action, outcome,
                 coalesce(result_code, '') as result_code, count(*)::int as events
          from audit_events where at >= ${ts(liveFrom)} and at < ${ts(liveTo)}
          group by 1, 2, 3, 4`,
    );
    const liveDays = new Set(live);
    for (const row of liveRows) {
      const day = String(row.day);
      if (liveDays.has(day)) rows.push({ day, action: String(row.action), outcome: String(row.outcome), resultCode: String(row.result_code), events: toNumber(row.events) });
    }
  }
  return { days, rows };
}

/** Events per day by outcome (optionally of one action): one series per outcome, and the totals. */
export async function actionsPerDay(range: ChartRange, options: ChartOptions & { action?: string } = {}): Promise<ActionsPerDay> {
  const { days, rows } = await dailyRows(range, options);
  const index = new Map(days.map((day, i) => [day, i]));
  const byOutcome: Record<string, number[]> = Object.fromEntries(AUDIT_OUTCOME_NAMES.map((outcome) => [outcome, days.map(() => 0)]));
  const total = days.map(() => 0);
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined || (options.action && row.action !== options.action)) continue;
    (byOutcome[row.outcome] ??= days.map(() => 0))[i]! += row.events;
    total[i]! += row.events;
  }
  return { days, byOutcome, total };
}

/**
 * Result codes of upstream calls per day: the `top` codes over the range (most frequent first),
 * the rest summed as `other`. The success code 000_000 only with `includeSuccess`.
 */
export async function resultCodesPerDay(range: ChartRange, options: ChartOptions & { top?: number; includeSuccess?: boolean } = {}): Promise<ResultCodesPerDay> {
  const { days, rows } = await dailyRows(range, options);
  const index = new Map(days.map((day, i) => [day, i]));
  const coded = rows.filter((row) => row.resultCode !== '' && (options.includeSuccess || row.resultCode !== '000_000'));
  const totals = new Map<string, number>();
  for (const row of coded) totals.set(row.resultCode, (totals.get(row.resultCode) ?? 0) + row.events);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code]) => code);
  const top = ranked.slice(0, Math.max(options.top ?? 8, 1));
  const codes = ranked.length > top.length ? [...top, 'other'] : top;
  const series: Record<string, number[]> = Object.fromEntries(codes.map((code) => [code, days.map(() => 0)]));
  for (const row of coded) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    series[top.includes(row.resultCode) ? row.resultCode : 'other']![i]! += row.events;
  }
  return { days, codes, series };
}

/**
 * The most frequent failures of upstream calls over the range: per result code and outcome
 * (rejected with a code, upstream errors and unknown outcomes with or without one).
 */
export async function frequentErrors(range: ChartRange, options: ChartOptions & { limit?: number } = {}): Promise<ErrorCount[]> {
  const { rows } = await dailyRows(range, options);
  const upstream = new Set<string>(UPSTREAM_ACTIONS);
  const groups = new Map<string, { resultCode: string; outcome: string; events: number; actions: Map<string, number> }>();
  for (const row of rows) {
    if (!upstream.has(row.action) || row.outcome === 'ok' || row.outcome === 'forbidden') continue;
    // A rejection without a code never reached Konaplate (the form's input was refused).
    if (row.outcome === 'rejected' && row.resultCode === '') continue;
    const key = `${row.resultCode}\u0000${row.outcome}`;
    const group = groups.get(key) ?? { resultCode: row.resultCode, outcome: row.outcome, events: 0, actions: new Map() };
    group.events += row.events;
    group.actions.set(row.action, (group.actions.get(row.action) ?? 0) + row.events);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.events - a.events || (a.resultCode < b.resultCode ? -1 : 1))
    .slice(0, Math.max(options.limit ?? 10, 1))
    .map((group) => ({
      resultCode: group.resultCode || null,
      outcome: group.outcome,
      events: group.events,
      actions: [...group.actions].sort((a, b) => b[1] - a[1]).map(([action]) => action),
    }));
}

/**
 * The cards the console has seen (card_state_history), counted by the business status of each
 * card's latest state: every card, or with a range the cards observed in it, as last seen
 * before its end.
 */
export async function cardStatesSeen(range: Partial<ChartRange> = {}, options: { db?: Database } = {}): Promise<CardStateCount[]> {
  const db = options.db ?? (await getDb());
  const before = range.to ? sql`and observed_at < ${ts(range.to)}` : sql``;
  const seen = range.from
    ? sql`and par in (select par from card_state_history where observed_at >= ${ts(range.from)} ${range.to ? sql`and observed_at < ${ts(range.to)}` : sql``})`
    : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select coalesce(nullif(latest.state->>'bizStatus', ''), 'unknown') as biz, count(*)::int as cards
        from (select distinct on (par) par, state from card_state_history
              where true ${before} ${seen}
              order by par, observed_at desc, id desc) latest
        group by 1 order by 2 desc, 1`,
  );
  return rows.map((row) => ({ bizStatus: String(row.biz), cards: toNumber(row.cards) }));
}

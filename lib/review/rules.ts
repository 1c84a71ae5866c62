import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/lib/db/client';
import { CARD_CHANGING_ACTIONS, UPSTREAM_ACTIONS } from '@/lib/domain/audit';
import { ensureViewHours, finishedHoursEnd, viewEventsSql } from './rollups';
import type { ReviewSettings } from './settings';
import { textList, toDate, toJson, toNumber, toNumbers, ts, windowStartSql } from './sql';
import { DAY_MS, HOUR_MS, KST_OFFSET_MS, MINUTE_MS, windowStart } from './time';
import { FINDING_EVIDENCE_LIMIT, WEEKDAY_NAMES, type FindingRule, type FindingSeverity, type FindingSubjectKind } from '@/lib/domain/review';

/**
 * The rules run over the audit trail (PCI DSS 10.4.1.1: automated review of the audit logs).
 * Each reads one time range and returns what it found; findings.ts stores them, one per rule +
 * subject + window, so running a rule again over the same events changes nothing.
 *
 * Windows are aligned (on the epoch for minutes and hours, on Korea-time midnight for days), so
 * the same events always fall in the same window: a run widens its range back to the start of
 * the window holding `from`, and the window still under way at `to` is evaluated as far as it
 * goes (a later run completes it and updates the same finding). Every query reads a time range
 * through an index of audit_events (action, outcome, operator or card_ref, then at), or the
 * hourly roll-up (rollups.ts); scripts/bench/audit-queries.ts times them at a million events.
 *
 * | rule                | subject   | window                          | fires when                                                                 | severity |
 * |---------------------|-----------|---------------------------------|----------------------------------------------------------------------------|----------|
 * | member-view-spike   | operator  | hour                            | distinct members viewed (search, view-card) ≥ max(VIEW_MIN_MEMBERS, VIEW_FACTOR × the operator's p95 hour over VIEW_BASELINE_DAYS) | medium; high at 2× |
 * | card-testing        | operator  | LOOKUP_WINDOW_MINUTES           | rejected unregistered-card lookups ≥ LOOKUP_FAILURES                        | high     |
 * | sign-in-failures    | e-mail    | SIGN_IN_WINDOW_MINUTES          | failed sign-ins naming the e-mail ≥ SIGN_IN_FAILURES                        | low; medium at 2× |
 * | sign-in-lockout     | e-mail    | SIGN_IN_WINDOW_MINUTES          | any failed sign-in whose reason mentions a lock-out                         | medium   |
 * | off-hours-action    | operator  | Korea-time day                  | card-changing actions or operator changes outside WORKING_HOURS/DAYS        | medium; high for operator changes |
 * | reissue-of-new-card | card      | its issuance → the reissue      | a reissue of a card issued (or seen new) within REISSUE_NEW_CARD_DAYS       | high     |
 * | unknown-outcomes    | action    | UNKNOWN_WINDOW_MINUTES          | "outcome unknown" answers ≥ UNKNOWN_OUTCOMES                                | high     |
 * | upstream-error-rate | action    | ERROR_RATE_WINDOW_MINUTES       | calls ≥ ERROR_RATE_MIN_CALLS and failed (5xx, timeout, unreadable) ≥ ERROR_RATE_PERCENT % | medium; high at 50 % |
 * | audit-chain-broken  | event     | the broken event's time         | the hash chain does not verify (chain-check.ts)                            | critical |
 */

/** What a rule found, before it is stored. */
export interface FindingDraft {
  rule: FindingRule;
  severity: FindingSeverity;
  subjectKind: FindingSubjectKind;
  subject: string;
  subjectLabel: string | null;
  windowStart: Date;
  windowEnd: Date;
  /** Oldest first, at most FINDING_EVIDENCE_LIMIT. */
  evidenceIds: number[];
  evidenceCount: number;
  detail: Record<string, unknown>;
}

export interface RuleContext {
  db: Database;
  /** The range under review, [from, to). */
  from: Date;
  to: Date;
  /** The time of the run (which hours are finished). */
  now: Date;
  settings: ReviewSettings;
}

export type Rule = (context: RuleContext) => Promise<FindingDraft[]>;

/** Operator administration: changes of who may do what. */
export const OPERATOR_CHANGE_ACTIONS = ['operator-change', 'mfa-reset'] as const;
/** Watched outside working hours. */
export const OFF_HOURS_ACTIONS = [...CARD_CHANGING_ACTIONS, ...OPERATOR_CHANGE_ACTIONS] as const;
const ISSUANCE_ACTIONS = ['issue-prepaid', 'issue-debit'] as const;

const LIMIT = FINDING_EVIDENCE_LIMIT;
const evidenceSql = sql`(array_agg(id order by at, id))[1:${sql.raw(String(LIMIT))}]`;

/* ------------------------------------------------------------------------------------------ */
/* Events counted per subject and window                                                       */
/* ------------------------------------------------------------------------------------------ */

interface CountedRule {
  rule: FindingRule;
  /** Which events, besides the time range. */
  where: SQL;
  subjectKind: FindingSubjectKind;
  /** The subject of an event (text); events whose subject is null are left out. */
  subject: SQL;
  /** What to show for the subject (the largest value in the window). */
  label?: SQL;
  windowMs: number;
  /** Days align on Korea-time midnight; shorter windows on the epoch. */
  windowOriginOffsetMs?: number;
  threshold: number;
  /** A value of each event counted in `detail[breakdownName]`. */
  breakdown?: SQL;
  breakdownName?: string;
}

interface CountedWindow {
  subject: string;
  label: string | null;
  windowStart: Date;
  count: number;
  ids: number[];
  breakdown: Record<string, number>;
}

async function countPerWindow(context: RuleContext, spec: CountedRule): Promise<CountedWindow[]> {
  const offset = spec.windowOriginOffsetMs ?? 0;
  const from = new Date(windowStart(new Date(context.from.getTime() + offset), spec.windowMs).getTime() - offset);
  const origin = offset === 0 ? sql`timestamptz '1970-01-01 00:00:00+00'` : sql`${new Date(-offset).toISOString()}::timestamptz`;
  const rows = await queryRows<Record<string, unknown>>(
    context.db,
    sql`
      with e as (
        select id, at, (${spec.subject}) as subject, (${spec.label ?? sql`null::text`}) as label,
               (${spec.breakdown ?? sql`null::text`}) as part,
               date_bin(${`${spec.windowMs} milliseconds`}::interval, at, ${origin}) as w
        from audit_events
        where (${spec.where}) and at >= ${ts(from)} and at < ${ts(context.to)}
      ), g as (
        select subject, w, count(*)::int as n, max(label) as label, ${evidenceSql} as ids
        from e where subject is not null
        group by subject, w
        having count(*) >= ${spec.threshold}
      ), p as (
        select subject, w, jsonb_object_agg(part, c) as parts
        from (select subject, w, coalesce(part, '') as part, count(*)::int as c from e where subject is not null group by 1, 2, 3) x
        group by subject, w
      )
      select g.subject, g.w, g.n, g.label, g.ids, p.parts
      from g left join p on p.subject = g.subject and p.w = g.w
      order by g.w, g.subject`,
  );
  return rows.map((row) => ({
    subject: String(row.subject),
    label: row.label == null ? null : String(row.label),
    windowStart: toDate(row.w),
    count: toNumber(row.n),
    ids: toNumbers(row.ids),
    breakdown: spec.breakdown ? (toJson<Record<string, number> | null>(row.parts) ?? {}) : {},
  }));
}

function countedDrafts(spec: CountedRule, windows: CountedWindow[], severity: (count: number) => FindingSeverity, detail: (w: CountedWindow) => Record<string, unknown>): FindingDraft[] {
  return windows.map((w) => ({
    rule: spec.rule,
    severity: severity(w.count),
    subjectKind: spec.subjectKind,
    subject: w.subject,
    subjectLabel: w.label !== w.subject ? w.label : null,
    windowStart: w.windowStart,
    windowEnd: new Date(w.windowStart.getTime() + spec.windowMs),
    evidenceIds: w.ids,
    evidenceCount: w.count,
    detail: { ...detail(w), ...(spec.breakdownName ? { [spec.breakdownName]: w.breakdown } : {}) },
  }));
}

async function countedRule(
  context: RuleContext,
  spec: CountedRule,
  severity: (count: number) => FindingSeverity,
  detail: (w: CountedWindow) => Record<string, unknown>,
): Promise<FindingDraft[]> {
  return countedDrafts(spec, await countPerWindow(context, spec), severity, detail);
}

/* ------------------------------------------------------------------------------------------ */
/* The rules                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * An operator viewing far more distinct members in an hour than their own usual: at least
 * max(VIEW_MIN_MEMBERS, VIEW_FACTOR × the 95th percentile of their hourly counts over the
 * previous VIEW_BASELINE_DAYS, hours with views only). The minimum keeps a new operator's first
 * busy hour quiet. Finished hours come from the hourly roll-up; the hour under way from the trail.
 */
export const memberViewSpike: Rule = async (context) => {
  const { db, now, settings } = context;
  const { baselineDays, factor, minMembers } = settings.view;
  const fromHour = windowStart(context.from, HOUR_MS);
  await ensureViewHours(db, new Date(fromHour.getTime() - baselineDays * DAY_MS), context.to, now);
  const finishedEnd = finishedHoursEnd(now);
  const liveFrom = new Date(Math.max(finishedEnd.getTime(), fromHour.getTime()));
  const live =
    liveFrom < context.to
      ? sql`union all
            select operator_id, ${windowStartSql(sql`at`, HOUR_MS)} as hour, count(distinct member_id)::int as members
            from audit_events where ${viewEventsSql(liveFrom, context.to)}
            group by 1, 2 having count(distinct member_id) >= ${minMembers}`
      : sql``;
  const candidates = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with c as (
        select operator_id, hour, members from review_view_hours
        where hour >= ${ts(fromHour)} and hour < ${ts(context.to)} and hour < ${ts(finishedEnd)} and members >= ${minMembers}
        ${live}
      )
      select c.operator_id, c.hour, c.members, b.p95, b.hours
      from c cross join lateral (
        select percentile_cont(0.95) within group (order by v.members) as p95, count(*)::int as hours
        from review_view_hours v
        where v.operator_id = c.operator_id and v.hour >= c.hour - ${`${baselineDays} days`}::interval and v.hour < c.hour
      ) b
      order by c.hour, c.operator_id`,
  );
  const drafts: FindingDraft[] = [];
  for (const row of candidates) {
    const members = toNumber(row.members);
    const p95 = row.p95 == null ? null : toNumber(row.p95);
    const threshold = Math.max(minMembers, Math.ceil((p95 ?? 0) * factor));
    if (members < threshold) continue;
    const operatorId = String(row.operator_id);
    const hour = toDate(row.hour);
    const end = new Date(hour.getTime() + HOUR_MS);
    const [evidence] = await queryRows<Record<string, unknown>>(
      db,
      sql`select ${evidenceSql} as ids, count(*)::int as n, max(operator_email) as label
          from audit_events where operator_id = ${operatorId} and ${viewEventsSql(hour, end)}`,
    );
    drafts.push({
      rule: 'member-view-spike',
      severity: members >= 2 * threshold ? 'high' : 'medium',
      subjectKind: 'operator',
      subject: operatorId,
      subjectLabel: evidence?.label == null ? null : String(evidence.label),
      windowStart: hour,
      windowEnd: end,
      evidenceIds: toNumbers(evidence?.ids),
      evidenceCount: toNumber(evidence?.n ?? 0),
      detail: {
        members,
        threshold,
        baselineP95: p95 === null ? null : Math.round(p95 * 100) / 100,
        baselineHours: toNumber(row.hours),
        baselineDays,
        factor,
        minMembers,
      },
    });
  }
  return drafts;
};

/** Card testing: one operator's rejected unregistered-card lookups (no card matches, already registered…) piling up. */
export const cardTesting: Rule = (context) => {
  const { windowMinutes, failures } = context.settings.lookup;
  return countedRule(
    context,
    {
      rule: 'card-testing',
      where: sql`action = 'unregistered-lookup' and outcome = 'rejected'`,
      subjectKind: 'operator',
      subject: sql`operator_id::text`,
      label: sql`operator_email`,
      windowMs: windowMinutes * MINUTE_MS,
      threshold: failures,
      breakdown: sql`result_code`,
      breakdownName: 'resultCodes',
    },
    () => 'high',
    (w) => ({ lookups: w.count, threshold: failures, windowMinutes }),
  );
};

/** Failed sign-ins naming one e-mail (known operator or not), whatever the reason. */
export const signInFailures: Rule = (context) => {
  const { windowMinutes, failures } = context.settings.signIn;
  return countedRule(
    context,
    {
      rule: 'sign-in-failures',
      where: sql`action = 'sign-in-failure'`,
      subjectKind: 'email',
      subject: sql`lower(operator_email)`,
      windowMs: windowMinutes * MINUTE_MS,
      threshold: failures,
      breakdown: sql`request_summary->>'reason'`,
      breakdownName: 'reasons',
    },
    (count) => (count >= 2 * failures ? 'medium' : 'low'),
    (w) => ({ failures: w.count, threshold: failures, windowMinutes }),
  );
};

/** Lock-outs: sign-in failures whose reason says the operator is (now) locked. */
export const signInLockout: Rule = (context) => {
  const { windowMinutes } = context.settings.signIn;
  return countedRule(
    context,
    {
      rule: 'sign-in-lockout',
      where: sql`action = 'sign-in-failure' and request_summary->>'reason' like '%locked%'`,
      subjectKind: 'email',
      subject: sql`lower(operator_email)`,
      windowMs: windowMinutes * MINUTE_MS,
      threshold: 1,
      breakdown: sql`request_summary->>'reason'`,
      breakdownName: 'reasons',
    },
    () => 'medium',
    (w) => ({ lockoutEvents: w.count, windowMinutes }),
  );
};

/** Card-changing actions and operator changes outside the working hours and days (Korea time), per operator and day. */
export const offHoursAction: Rule = async (context) => {
  const { workingHours, workingDays } = context.settings;
  const local = sql`((at at time zone 'UTC') + interval '9 hours')`;
  const days = workingDays.length > 0 ? sql.join(workingDays.map((day) => sql`${day}::int`), sql`, `) : sql`null::int`;
  const drafts = await countedRule(
    context,
    {
      rule: 'off-hours-action',
      where: sql`action in (${textList(OFF_HOURS_ACTIONS)}) and not (
        extract(isodow from ${local})::int in (${days})
        and (extract(hour from ${local})::int * 60 + extract(minute from ${local})::int) >= ${workingHours.startMinute}::int
        and (extract(hour from ${local})::int * 60 + extract(minute from ${local})::int) < ${workingHours.endMinute}::int)`,
      subjectKind: 'operator',
      subject: sql`operator_id::text`,
      label: sql`operator_email`,
      windowMs: DAY_MS,
      windowOriginOffsetMs: KST_OFFSET_MS,
      threshold: 1,
      breakdown: sql`action`,
      breakdownName: 'actions',
    },
    () => 'medium',
    (w) => ({
      events: w.count,
      workingHours: workingHours.text,
      workingDays: workingDays.map((day) => WEEKDAY_NAMES[day - 1]).join(','),
    }),
  );
  for (const draft of drafts) {
    const actions = Object.keys(draft.detail.actions as Record<string, number>);
    if (actions.some((action) => (OPERATOR_CHANGE_ACTIONS as readonly string[]).includes(action))) draft.severity = 'high';
  }
  return drafts;
};

/**
 * A reissue (ok, or outcome unknown) of a card issued in the last REISSUE_NEW_CARD_DAYS. A card
 * counts as issued then when the trail says so:
 * - `issuance-event`: an issuance event names the card (its card_ref);
 * - `appeared-after-full-read`: the card was first seen (card_state_history) within the period,
 *   after a full read of the member's cards (a search, no card filter) that did not show it;
 * - `member-issuance`: first seen within the period, after an issuance or reissue for the member
 *   in the period.
 * A card merely first seen by the console lately (its first look-up) is not flagged: it may be old.
 */
export const reissueOfNewCard: Rule = async (context) => {
  const { db } = context;
  const days = context.settings.reissueNewCardDays;
  const period = sql`${`${days} days`}::interval`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select r.id, r.at, r.member_id, r.card_ref, r.operator_id, r.operator_email,
             fs.observed_at as first_seen, fs.audit_event_id as first_seen_event,
             iss.id as issuance_id, iss.at as issuance_at,
             pre.id as full_read_id, pre.at as full_read_at,
             mi.id as member_issuance_id, mi.at as member_issuance_at, mi.action as member_issuance_action
      from audit_events r
      left join lateral (
        select h.observed_at, h.audit_event_id from card_state_history h
        where h.par = r.card_ref order by h.observed_at asc, h.id asc limit 1
      ) fs on true
      left join lateral (
        select i.id, i.at from audit_events i
        where i.card_ref = r.card_ref and i.action in (${textList(ISSUANCE_ACTIONS)}) and i.outcome = 'ok'
          and i.at < r.at and i.at >= r.at - ${period}
        order by i.at asc, i.id asc limit 1
      ) iss on true
      left join lateral (
        select p.id, p.at from audit_events p
        where p.member_id = r.member_id and p.action = 'search' and p.outcome = 'ok' and p.card_ref is null
          and p.at < fs.observed_at and p.at >= r.at - ${period}
        order by p.at desc, p.id desc limit 1
      ) pre on fs.observed_at is not null and fs.observed_at >= r.at - ${period} and fs.observed_at < r.at
      left join lateral (
        select m.id, m.at, m.action from audit_events m
        where m.member_id = r.member_id and m.action in (${textList([...ISSUANCE_ACTIONS, 'reissue-prepaid'])})
          and m.outcome in ('ok', 'unknown') and m.id <> r.id
          and m.at <= fs.observed_at and m.at >= r.at - ${period}
        order by m.at desc, m.id desc limit 1
      ) mi on fs.observed_at is not null and fs.observed_at >= r.at - ${period} and fs.observed_at < r.at
      where r.action = 'reissue-prepaid' and r.outcome in ('ok', 'unknown') and r.card_ref is not null
        and r.at >= ${ts(context.from)} and r.at < ${ts(context.to)}
      order by r.at, r.id`,
  );
  const drafts: FindingDraft[] = [];
  for (const row of rows) {
    const reissueAt = toDate(row.at);
    const firstSeen = row.first_seen == null ? null : toDate(row.first_seen);
    let basis: 'issuance-event' | 'appeared-after-full-read' | 'member-issuance';
    let issuedAt: Date;
    const evidence = new Set<number>([toNumber(row.id)]);
    if (row.issuance_id != null) {
      basis = 'issuance-event';
      issuedAt = toDate(row.issuance_at);
      evidence.add(toNumber(row.issuance_id));
    } else if (row.member_issuance_id != null && firstSeen) {
      basis = 'member-issuance';
      issuedAt = toDate(row.member_issuance_at);
      evidence.add(toNumber(row.member_issuance_id));
    } else if (row.full_read_id != null && firstSeen) {
      basis = 'appeared-after-full-read';
      issuedAt = firstSeen;
      evidence.add(toNumber(row.full_read_id));
    } else {
      continue;
    }
    if (row.first_seen_event != null) evidence.add(toNumber(row.first_seen_event));
    const ids = [...evidence].sort((a, b) => a - b);
    drafts.push({
      rule: 'reissue-of-new-card',
      severity: 'high',
      subjectKind: 'card',
      subject: String(row.card_ref),
      subjectLabel: null,
      windowStart: issuedAt,
      windowEnd: new Date(reissueAt.getTime() + 1),
      evidenceIds: ids,
      evidenceCount: ids.length,
      detail: {
        basis,
        memberId: row.member_id == null ? null : String(row.member_id),
        reissueEventId: toNumber(row.id),
        reissuedAt: reissueAt.toISOString(),
        reissuedBy: row.operator_email == null ? null : String(row.operator_email),
        issuedAt: issuedAt.toISOString(),
        firstSeenAt: firstSeen?.toISOString() ?? null,
        ageDays: Math.round(((reissueAt.getTime() - issuedAt.getTime()) / DAY_MS) * 10) / 10,
        periodDays: days,
      },
    });
  }
  return drafts;
};

/** "Outcome unknown" answers of one action piling up: writes that may or may not have happened. */
export const unknownOutcomes: Rule = (context) => {
  const { windowMinutes, outcomes } = context.settings.unknown;
  return countedRule(
    context,
    {
      rule: 'unknown-outcomes',
      where: sql`outcome = 'unknown'`,
      subjectKind: 'action',
      subject: sql`action`,
      windowMs: windowMinutes * MINUTE_MS,
      threshold: outcomes,
      breakdown: sql`operator_email`,
      breakdownName: 'operators',
    },
    () => 'high',
    (w) => ({ unknown: w.count, threshold: outcomes, windowMinutes }),
  );
};

/**
 * The share of an action's upstream calls that failed (upstream error or outcome unknown: 5xx,
 * timeouts, dropped connections, unreadable answers) in a window, with enough calls to mean
 * something. Calls are the action's events with a correlation id (a request was sent).
 */
export const upstreamErrorRate: Rule = async (context) => {
  const { windowMinutes, percent, minCalls } = context.settings.errorRate;
  const windowMs = windowMinutes * MINUTE_MS;
  const from = windowStart(context.from, windowMs);
  const failed = sql`outcome in ('upstream_error', 'unknown')`;
  const rows = await queryRows<Record<string, unknown>>(
    context.db,
    sql`
      select action, ${windowStartSql(sql`at`, windowMs)} as w, count(*)::int as calls,
             count(*) filter (where ${failed})::int as errors,
             (array_agg(id order by at, id) filter (where ${failed}))[1:${sql.raw(String(LIMIT))}] as ids
      from audit_events
      where action in (${textList(UPSTREAM_ACTIONS)}) and correlation_id is not null
        and at >= ${ts(from)} and at < ${ts(context.to)}
      group by 1, 2
      having count(*) >= ${minCalls} and count(*) filter (where ${failed}) * 100 >= ${percent}::float8 * count(*)
      order by 2, 1`,
  );
  return rows.map((row) => {
    const calls = toNumber(row.calls);
    const errors = toNumber(row.errors);
    const w = toDate(row.w);
    return {
      rule: 'upstream-error-rate',
      severity: errors * 2 >= calls ? 'high' : 'medium',
      subjectKind: 'action',
      subject: String(row.action),
      subjectLabel: null,
      windowStart: w,
      windowEnd: new Date(w.getTime() + windowMs),
      evidenceIds: toNumbers(row.ids),
      evidenceCount: errors,
      detail: { calls, errors, ratePercent: Math.round((errors / calls) * 1000) / 10, thresholdPercent: percent, minCalls, windowMinutes },
    } satisfies FindingDraft;
  });
};

/** Every rule over the trail's events, by name (the chain's is chain-check.ts: it keeps state between runs). */
export const EVENT_RULES = {
  'member-view-spike': memberViewSpike,
  'card-testing': cardTesting,
  'sign-in-failures': signInFailures,
  'sign-in-lockout': signInLockout,
  'off-hours-action': offHoursAction,
  'reissue-of-new-card': reissueOfNewCard,
  'unknown-outcomes': unknownOutcomes,
  'upstream-error-rate': upstreamErrorRate,
} as const satisfies Record<Exclude<FindingRule, 'audit-chain-broken'>, Rule>;

import 'server-only';
import { env, type Env } from '@/lib/env';
import type { WorkingHours } from './settings-schema';

/**
 * The thresholds of the findings rules and the access review, from the FINDINGS_* and
 * ACCESS_REVIEW_* settings (validated in lib/env.ts):
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `FINDINGS_INTERVAL_MINUTES` | `15` | minutes between scheduled runs of the findings rules (each console instance tries; one runs at a time); `0`: no schedule |
 * | `FINDINGS_DEFAULT_RANGE_HOURS` | `24` | what the first scheduled run, and a manual run without a range, review: the last N hours (later scheduled runs: since the previous one) |
 * | `FINDINGS_CHAIN_FULL_VERIFY_HOURS` | `24` | the audit chain is verified from its start at least this often; runs in between verify the new events only |
 * | `FINDINGS_VIEW_BASELINE_DAYS` | `14` | member-view-spike: days of the operator's own hourly counts that make their usual |
 * | `FINDINGS_VIEW_FACTOR` | `3` | member-view-spike: an hour is flagged at this many times the operator's 95th-percentile hour… |
 * | `FINDINGS_VIEW_MIN_MEMBERS` | `30` | …and at this many distinct members at least (a new operator's first busy hour stays quiet) |
 * | `FINDINGS_LOOKUP_WINDOW_MINUTES` / `FINDINGS_LOOKUP_FAILURES` | `10` / `5` | card-testing: rejected unregistered-card lookups by one operator within one window |
 * | `FINDINGS_SIGN_IN_WINDOW_MINUTES` / `FINDINGS_SIGN_IN_FAILURES` | `60` / `5` | sign-in-failures: failed sign-ins naming one e-mail within one window (sign-in-lockout: any lock-out there) |
 * | `FINDINGS_WORKING_HOURS` | `08:00-20:00` | off-hours-action: working hours, Korea time (`HH:MM-HH:MM`, end up to `24:00`) |
 * | `FINDINGS_WORKING_DAYS` | `Mon-Sat` | off-hours-action: working days (`Mon-Fri`, `Mon,Wed,Fri`, `Mon-Fri,Sun`) |
 * | `FINDINGS_REISSUE_NEW_CARD_DAYS` | `30` | reissue-of-new-card: a reissue of a card issued (or seen new) within this many days |
 * | `FINDINGS_UNKNOWN_WINDOW_MINUTES` / `FINDINGS_UNKNOWN_OUTCOMES` | `60` / `3` | unknown-outcomes: "outcome unknown" answers of one action within one window |
 * | `FINDINGS_ERROR_RATE_WINDOW_MINUTES` / `FINDINGS_ERROR_RATE_PERCENT` / `FINDINGS_ERROR_RATE_MIN_CALLS` | `60` / `20` / `20` | upstream-error-rate: an action's failed upstream calls (5xx, timeouts, unreadable answers) at this share or more of at least this many calls in one window |
 * | `ACCESS_REVIEW_DORMANT_DAYS` | `90` | access review: an active operator without a sign-in for this many days is flagged |
 * | `ACCESS_REVIEW_INTERVAL_MONTHS` | `6` | access review: the next one is due this many months after the last sign-off (1 to 6) |
 *
 * Windows are aligned on the clock (a 10-minute window is :00–:10, :10–:20…; a day is a Korea-time day).
 */
export interface ReviewSettings {
  /** Minutes between scheduled runs; 0: no schedule. */
  intervalMinutes: number;
  defaultRangeHours: number;
  chainFullVerifyHours: number;
  view: { baselineDays: number; factor: number; minMembers: number };
  lookup: { windowMinutes: number; failures: number };
  signIn: { windowMinutes: number; failures: number };
  workingHours: WorkingHours;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  reissueNewCardDays: number;
  unknown: { windowMinutes: number; outcomes: number };
  errorRate: { windowMinutes: number; percent: number; minCalls: number };
  accessReview: { dormantDays: number; intervalMonths: number };
}

export function reviewSettings(source: Env = env()): ReviewSettings {
  return {
    intervalMinutes: source.FINDINGS_INTERVAL_MINUTES,
    defaultRangeHours: source.FINDINGS_DEFAULT_RANGE_HOURS,
    chainFullVerifyHours: source.FINDINGS_CHAIN_FULL_VERIFY_HOURS,
    view: { baselineDays: source.FINDINGS_VIEW_BASELINE_DAYS, factor: source.FINDINGS_VIEW_FACTOR, minMembers: source.FINDINGS_VIEW_MIN_MEMBERS },
    lookup: { windowMinutes: source.FINDINGS_LOOKUP_WINDOW_MINUTES, failures: source.FINDINGS_LOOKUP_FAILURES },
    signIn: { windowMinutes: source.FINDINGS_SIGN_IN_WINDOW_MINUTES, failures: source.FINDINGS_SIGN_IN_FAILURES },
    workingHours: source.FINDINGS_WORKING_HOURS,
    workingDays: source.FINDINGS_WORKING_DAYS,
    reissueNewCardDays: source.FINDINGS_REISSUE_NEW_CARD_DAYS,
    unknown: { windowMinutes: source.FINDINGS_UNKNOWN_WINDOW_MINUTES, outcomes: source.FINDINGS_UNKNOWN_OUTCOMES },
    errorRate: {
      windowMinutes: source.FINDINGS_ERROR_RATE_WINDOW_MINUTES,
      percent: source.FINDINGS_ERROR_RATE_PERCENT,
      minCalls: source.FINDINGS_ERROR_RATE_MIN_CALLS,
    },
    accessReview: { dormantDays: source.ACCESS_REVIEW_DORMANT_DAYS, intervalMonths: source.ACCESS_REVIEW_INTERVAL_MONTHS },
  };
}

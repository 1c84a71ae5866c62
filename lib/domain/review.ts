import type { AuditAction, RawAuditFilters } from './audit';
import { can, isRole } from './permissions';

/**
 * The review module's vocabulary and the shapes its views render. Browser-safe: the findings,
 * access-review and overview pages render these types, and the database schema
 * (lib/db/schema/review.ts) checks its columns against the same lists.
 */

/* ------------------------------------------------------------------------------------------ */
/* Who                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * Who acknowledges and resolves findings, runs the rules on demand and signs off the access
 * review: `review.manage`; reading them needs `review.read` (lib/domain/permissions.ts).
 * Roles arrive as stored strings (an audit actor's): one this build does not know grants nothing.
 */
export function mayManageReview(roles: readonly string[]): boolean {
  return can(roles.filter(isRole), 'review.manage');
}

/* ------------------------------------------------------------------------------------------ */
/* Findings                                                                                   */
/* ------------------------------------------------------------------------------------------ */

/** The rules run over the audit trail (lib/review/rules.ts); a finding names the one that fired. */
export const FINDING_RULES = [
  'member-view-spike',
  'card-testing',
  'sign-in-failures',
  'sign-in-lockout',
  'off-hours-action',
  'reissue-of-new-card',
  'unknown-outcomes',
  'upstream-error-rate',
  'audit-chain-broken',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** open → acknowledged → resolved; see FINDING_STATUS_TRANSITIONS for the moves allowed. */
export const FINDING_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * The status changes allowed, each with a comment: acknowledge (someone looks into it), resolve
 * (straight from open too: a false positive), and reopen.
 */
export const FINDING_STATUS_TRANSITIONS = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved', 'open'],
  resolved: ['open'],
} as const satisfies Record<FindingStatus, readonly FindingStatus[]>;

export function isAllowedTransition(from: FindingStatus, to: FindingStatus): boolean {
  return (FINDING_STATUS_TRANSITIONS[from] as readonly FindingStatus[]).includes(to);
}

/**
 * What a finding is about: an operator (by id), a sign-in e-mail (attempts name an e-mail, known
 * or not), an action (an upstream endpoint), a card (its PAR), or the audit chain (the event
 * where it breaks).
 */
export const FINDING_SUBJECT_KINDS = ['operator', 'email', 'action', 'card', 'audit-event'] as const;
export type FindingSubjectKind = (typeof FINDING_SUBJECT_KINDS)[number];

/** The weekdays of FINDINGS_WORKING_DAYS and of an off-hours finding's figures, ISO order (Mon = 1). */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];
export const isWeekdayName = (day: string): day is WeekdayName => (WEEKDAY_NAMES as readonly string[]).includes(day);

/** A finding's evidence keeps at most this many audit event ids (the count says how many there were). */
export const FINDING_EVIDENCE_LIMIT = 50;

/** One finding as the findings page lists it. Times are ISO strings. */
export interface FindingView {
  id: number;
  rule: FindingRule;
  severity: FindingSeverity;
  subjectKind: FindingSubjectKind;
  /** Operator id, e-mail, action name, PAR or audit event id. */
  subject: string;
  /** What to show for the subject (the operator's e-mail for an operator id), when it differs. */
  subjectLabel: string | null;
  /** The time window the rule looked at: [windowStart, windowEnd). */
  windowStart: string;
  windowEnd: string;
  /** The first FINDING_EVIDENCE_LIMIT audit event ids, oldest first. */
  evidenceIds: number[];
  /** How many audit events are evidence (may exceed evidenceIds.length). */
  evidenceCount: number;
  /** The rule's figures: counts, thresholds, baselines (per rule: FindingDetails, read with findingDetail). */
  detail: Record<string, unknown>;
  status: FindingStatus;
  firstDetectedAt: string;
  /** The last run that saw it again (its evidence may have grown since the status changed). */
  lastDetectedAt: string;
  statusChangedAt: string | null;
  statusChangedByEmail: string | null;
}

/** What each rule puts in a finding's `detail` (counts per value: value → events). */
export interface FindingDetails {
  'member-view-spike': {
    /** Distinct members viewed in the hour. */
    members: number;
    /** max(minMembers, ceil(baselineP95 × factor)). */
    threshold: number;
    /** The operator's 95th-percentile hour over the baseline; null without history. */
    baselineP95: number | null;
    baselineHours: number;
    baselineDays: number;
    factor: number;
    minMembers: number;
  };
  'card-testing': { lookups: number; threshold: number; windowMinutes: number; resultCodes: Record<string, number> };
  'sign-in-failures': { failures: number; threshold: number; windowMinutes: number; reasons: Record<string, number> };
  'sign-in-lockout': { lockoutEvents: number; windowMinutes: number; reasons: Record<string, number> };
  'off-hours-action': { events: number; workingHours: string; workingDays: string; actions: Record<string, number> };
  'reissue-of-new-card': {
    /** How the card is known to be new: an issuance naming it, its appearing after a full read of the member's cards without it, or an issuance for the member before it was first seen. */
    basis: 'issuance-event' | 'appeared-after-full-read' | 'member-issuance';
    memberId: string | null;
    reissueEventId: number;
    reissuedAt: string;
    reissuedBy: string | null;
    issuedAt: string;
    firstSeenAt: string | null;
    ageDays: number;
    periodDays: number;
  };
  /** `operators`: e-mail → events. */
  'unknown-outcomes': { unknown: number; threshold: number; windowMinutes: number; operators: Record<string, number> };
  'upstream-error-rate': { calls: number; errors: number; ratePercent: number; thresholdPercent: number; minCalls: number; windowMinutes: number };
  'audit-chain-broken': {
    /** lib/audit/verify.ts's BrokenLinkKind. */
    kind: 'hash-mismatch' | 'prev-hash-mismatch' | 'unanchored-start' | 'unknown-key' | 'unkeyed-after-keyed';
    expected: string | null;
    stored: string | null;
    previousId: number | null;
    /** Events verified before the break in that run. */
    verifiedBefore: number;
    /** Verified from the chain's start (else from the previous run's head). */
    fromChainStart: boolean;
  };
}

/** A finding's `detail` typed by its rule. */
export function findingDetail<R extends FindingRule>(finding: { rule: R; detail: Record<string, unknown> }): FindingDetails[R] {
  return finding.detail as unknown as FindingDetails[R];
}

/** One status change of a finding (append-only history). */
export interface FindingEventView {
  id: number;
  findingId: number;
  at: string;
  operatorId: string;
  operatorEmail: string;
  fromStatus: FindingStatus;
  toStatus: FindingStatus;
  comment: string;
}

/** How many findings there are per status and severity (badges, the overview). */
export type FindingCounts = Record<FindingStatus, Record<FindingSeverity, number>>;

/* ------------------------------------------------------------------------------------------ */
/* Runs of the rules                                                                          */
/* ------------------------------------------------------------------------------------------ */

export const FINDINGS_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type FindingsRunTrigger = (typeof FINDINGS_RUN_TRIGGERS)[number];

/** `abandoned`: its console stopped (or hung) before finishing; its lease ran out. */
export const FINDINGS_RUN_STATUSES = ['running', 'completed', 'failed', 'abandoned'] as const;
export type FindingsRunStatus = (typeof FINDINGS_RUN_STATUSES)[number];

/** One run of the rules: the evidence that the trail is reviewed (PCI DSS 10.4.1.1). */
export interface FindingsRunView {
  id: number;
  trigger: FindingsRunTrigger;
  requestedByEmail: string | null;
  status: FindingsRunStatus;
  rangeFrom: string;
  rangeTo: string;
  startedAt: string;
  finishedAt: string | null;
  findingsNew: number;
  findingsUpdated: number;
  /** Events whose hash links this run checked, and whether from the chain's start. */
  chainChecked: number | null;
  chainFull: boolean | null;
  error: string | null;
}

/* ------------------------------------------------------------------------------------------ */
/* Access review (PCI DSS 7.2.4)                                                              */
/* ------------------------------------------------------------------------------------------ */

/** How an operator's second factor is provided. */
export type OperatorMfaState =
  /** A password operator with an authenticator app enrolled. */
  | 'totp'
  /** A password operator who has not (or no longer: after an admin's reset) enrolled one. */
  | 'not-enrolled'
  /** An operator without a password: their company IdP does MFA. */
  | 'idp';

export const ACCESS_REVIEW_FLAGS = [
  /** Active, and no sign-in for ACCESS_REVIEW_DORMANT_DAYS (or never, created that long ago). */
  'dormant',
  /** Active, never signed in. */
  'never-signed-in',
  /** Active password operator without an authenticator app. */
  'mfa-not-enrolled',
  /** Holds the admin role (every admin is worth a second look). */
  'privileged',
] as const;
export type AccessReviewFlag = (typeof ACCESS_REVIEW_FLAGS)[number];

/** One operator as the access review lists it (and as a sign-off's snapshot keeps it). */
export interface AccessReviewEntry {
  id: string;
  email: string;
  name: string;
  roles: string[];
  active: boolean;
  mfa: OperatorMfaState;
  /** ISO time, or null. */
  totpEnrolledAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  /** Bound to a company IdP identity (issuer + subject). */
  companyIdentityLinked: boolean;
  hasPassword: boolean;
  /** Locked out by failed sign-ins right now. */
  locked: boolean;
  flags: AccessReviewFlag[];
}

export interface AccessReviewSignOffView {
  id: number;
  signedAt: string;
  signedById: string;
  signedByEmail: string;
  signedByRoles: string[];
  comment: string;
  /** Hash of the reviewed list (what the reviewer saw): see AccessReview.snapshotHash. */
  snapshotHash: string;
  operatorCount: number;
  flaggedCount: number;
}

export interface AccessReviewSchedule {
  lastSignOff: AccessReviewSignOffView | null;
  /** Six months (ACCESS_REVIEW_INTERVAL_MONTHS) after the last sign-off; null before the first. */
  nextDueAt: string | null;
  /** Past the due date, or never signed off. */
  overdue: boolean;
}

export interface AccessReview extends AccessReviewSchedule {
  generatedAt: string;
  operators: AccessReviewEntry[];
  /**
   * Hash of what a sign-off attests (each operator's id, e-mail, roles, active state, MFA and
   * company identity): the page sends it back with the sign-off, which is refused when the
   * access changed meanwhile.
   */
  snapshotHash: string;
  dormantDays: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Saved audit views                                                                          */
/* ------------------------------------------------------------------------------------------ */

export const SAVED_VIEW_NAME_MAX = 80;
/** Saved views per operator. */
export const SAVED_VIEWS_MAX = 50;

export interface SavedAuditView {
  id: number;
  name: string;
  /** The audit page's filters as typed: `auditQueryString(filters)` (lib/audit/filters.ts) links them. */
  filters: RawAuditFilters;
  createdAt: string;
}

/** Why a saved view was refused: codes, so the page words them in its language. */
export type SavedViewProblem =
  | 'name-empty'
  | 'name-too-long'
  | 'name-hidden-characters'
  | 'name-taken'
  | 'filters-empty'
  | 'filters-invalid'
  | 'too-many'
  | 'forbidden';

/* ------------------------------------------------------------------------------------------ */
/* Overview charts                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** Days are Korea-time calendar days, `YYYY-MM-DD`, oldest first; every day of the range is present. */
export interface ActionsPerDay {
  days: string[];
  /** One series per outcome (`ok`, `rejected`, `upstream_error`, `unknown`, `forbidden`), aligned with `days`. */
  byOutcome: Record<string, number[]>;
  total: number[];
}

export interface ResultCodesPerDay {
  days: string[];
  /** The top codes over the range, most frequent first, then `other` when some were left out. */
  codes: string[];
  /** code → counts aligned with `days`. */
  series: Record<string, number[]>;
}

export interface CardStateCount {
  /** The card's business status code as Konaplate sent it; `unknown` when the state had none. */
  bizStatus: string;
  cards: number;
}

export interface ErrorCount {
  /** Null for failures without a code (timeouts, dropped connections, unreadable answers). */
  resultCode: string | null;
  /** `rejected`, `upstream_error` or `unknown`. */
  outcome: string;
  events: number;
  /** The actions it came from, most frequent first. */
  actions: string[];
}

/* ------------------------------------------------------------------------------------------ */
/* Audit actions of this module                                                               */
/* ------------------------------------------------------------------------------------------ */

/** The audit actions the review module records. */
export const REVIEW_AUDIT_ACTIONS = [
  /** A manual run of the findings rules (scheduled runs are recorded in review_runs). */
  'findings-run',
  /** A finding acknowledged, resolved or reopened, with the comment. */
  'finding-status-change',
  /** A manager's or admin's sign-off of the access review. */
  'access-review-sign-off',
  /** The findings (with the runs), the access review, a sign-off or the overview charts were read (PCI DSS 10.2.1.3). */
  'review-read',
] as const satisfies readonly AuditAction[];
export type ReviewAuditAction = (typeof REVIEW_AUDIT_ACTIONS)[number];

/** What a `review-read` event says was read. */
export const REVIEW_READ_TARGETS = ['findings', 'access-review', 'access-review-sign-off', 'overview-charts'] as const;
export type ReviewReadTarget = (typeof REVIEW_READ_TARGETS)[number];

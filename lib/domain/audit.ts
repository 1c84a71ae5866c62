/**
 * The audit trail's vocabulary and the shapes its views render: browser-safe (no server
 * imports), so filter forms and timelines can use them.
 */
/** Each call to Konaplate, by what the operator asked (lib/upstream/audited-call.ts). */
export const UPSTREAM_ACTIONS = [
  'search',
  'view-card',
  'unregistered-lookup',
  'issue-prepaid',
  'issue-debit',
  'reissue-prepaid',
  'suspend-card',
  'resume-card',
  'delivery-inquiry',
  'cancel-application',
  'list-products',
  'member-profile',
  'reveal-member-contact',
] as const;

/** A held action's steps (maker–checker): shown on the timelines of the card and member they name. */
export const APPROVAL_STEP_ACTIONS = ['approval-requested', 'approval-approved', 'approval-rejected', 'approval-withdrawn', 'approval-expired'] as const;

export const AUDIT_ACTIONS = [
  ...UPSTREAM_ACTIONS,
  'member-note',
  ...APPROVAL_STEP_ACTIONS,
  'approval-policy-change',
  'sign-in',
  'sign-in-failure',
  'sign-out',
  'sign-out-everywhere',
  'mfa-enrolled',
  'mfa-reset',
  'recovery-code-used',
  'password-changed',
  'forbidden',
  'operator-change',
  'sandbox-control',
  'audit-purge',
  'audit-export',
  /** The audit trail, or a member's or card's timeline drawn from it, was read (PCI DSS 10.2.1.3). */
  'audit-read',
  'findings-run',
  'finding-status-change',
  'access-review-sign-off',
  'review-read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an `audit-read` event says was read: the trail's page, or a timeline drawn from it. */
export const AUDIT_READ_TARGETS = ['audit-trail', 'member-timeline', 'card-timeline'] as const;
export type AuditReadTarget = (typeof AUDIT_READ_TARGETS)[number];

/** Operator actions that change a card's state upstream: linked to card-state history. */
export const CARD_CHANGING_ACTIONS = ['issue-prepaid', 'issue-debit', 'reissue-prepaid', 'suspend-card', 'resume-card', 'cancel-application'] as const satisfies readonly AuditAction[];

/** Mirrors AUDIT_OUTCOMES in lib/db/schema.ts (kept here so the browser bundle stays free of Drizzle). */
export const AUDIT_OUTCOME_NAMES = ['ok', 'rejected', 'upstream_error', 'unknown', 'forbidden'] as const;
export type AuditOutcomeName = (typeof AUDIT_OUTCOME_NAMES)[number];

/**
 * Stored actions and outcomes are strings: one this build does not know (an older or newer
 * event) has no words and is shown as stored. Their words are the `audit` messages.
 */
export const isAuditAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
export const isAuditOutcome = (outcome: string): outcome is AuditOutcomeName => (AUDIT_OUTCOME_NAMES as readonly string[]).includes(outcome);

/** The audit page's filters as they travel in the URL (lib/audit/filters.ts validates them). */
export const AUDIT_FILTER_KEYS = ['from', 'to', 'operator', 'member', 'action', 'outcome', 'code', 'cardState', 'correlationId'] as const;
/** The `code` filter's value for events without a result code (e.g. a timeout: no answer, no code). */
export const NO_RESULT_CODE = 'none';
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
/** The filters as strings, as typed: what the form shows and links carry. */
export type RawAuditFilters = Partial<Record<AuditFilterKey, string>>;

/** One audit event as every view shows it: the audit page, the CSV export and the timelines. */
export interface AuditEventView {
  id: number;
  /** ISO time (milliseconds). */
  at: string;
  operatorId: string | null;
  operatorEmail: string | null;
  operatorRoles: string[];
  action: string;
  memberId: string | null;
  /** Masked PAN or PAR. */
  cardRef: string | null;
  requestSummary: Record<string, unknown> | null;
  outcome: string;
  resultCode: string | null;
  correlationId: string | null;
  durationMs: number | null;
  clientIp: string | null;
  userAgent: string | null;
  hash: string;
}

/* ------------------------------------------------------------------------------------------ */
/* Card-state history: what the console saw of each card, one row per change                  */
/* ------------------------------------------------------------------------------------------ */

/** One observation of a card (`card_state_history.state`). */
export interface CardStateSnapshot {
  lifeStatus?: string | null;
  bizStatus?: string | null;
  mobileStatus?: string | null;
  physicalStatus?: string | null;
  /** Amounts stay strings (decimal text as the upstream sent it) to avoid float rounding. */
  balance?: string | null;
  pendingAmount?: string | null;
  /** yyyyMMdd. */
  expiryDate?: string | null;
}

export const CARD_STATE_FIELDS = [
  'lifeStatus',
  'bizStatus',
  'mobileStatus',
  'physicalStatus',
  'balance',
  'pendingAmount',
  'expiryDate',
] as const satisfies readonly (keyof CardStateSnapshot)[];
export type CardStateField = (typeof CARD_STATE_FIELDS)[number];

export interface StateChange {
  field: CardStateField;
  from: string | null;
  to: string | null;
}

/** One recorded state of a card and what changed since that card's previous one. */
export interface CardStateChangeView {
  id: number;
  /** When the console saw it (ISO time). */
  at: string;
  par: string;
  state: CardStateSnapshot;
  /** First sighting of the card: `changes` then lists its initial state. */
  first: boolean;
  changes: StateChange[];
}

/** An operator action shown next to the state change it (probably) caused. */
export interface LinkedAction extends AuditEventView {
  /** True when the state row names this event; false when linked by time window. */
  direct: boolean;
}

export interface CardStateTimelineEntry extends CardStateChangeView {
  /** Operator actions between the previous observation and this one that could explain it. */
  actions: LinkedAction[];
}

/** A member's timeline: audit events and card-state changes, merged newest first. */
export type MemberTimelineItem =
  | (AuditEventView & { kind: 'action'; key: string })
  | (CardStateChangeView & { kind: 'state'; key: string });

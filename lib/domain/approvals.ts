/**
 * Maker–checker: the vocabulary of approval requests and the shapes their views render.
 * Browser-safe; the words are the `approvals` messages.
 */

/** The actions a policy may hold for a second operator's approval (their audit action names). */
export const APPROVABLE_ACTIONS = ['reissue-prepaid', 'issue-debit', 'issue-prepaid', 'suspend-card'] as const;
export type ApprovableAction = (typeof APPROVABLE_ACTIONS)[number];

export const isApprovableAction = (value: unknown): value is ApprovableAction =>
  typeof value === 'string' && (APPROVABLE_ACTIONS as readonly string[]).includes(value);

/**
 * What a policy can require approval for. A suspension needs it only as stolen (a member
 * cannot undo it); the rest whatever the reason.
 */
export const APPROVAL_RULES = ['reissue-prepaid', 'issue-debit', 'issue-prepaid', 'suspend-stolen'] as const;
export type ApprovalRule = (typeof APPROVAL_RULES)[number];

export const DEFAULT_APPROVAL_RULES = ['reissue-prepaid', 'issue-debit'] as const satisfies readonly ApprovalRule[];

/**
 * pending → executing → executed | failed; pending → rejected | withdrawn | expired.
 * `executing` is the approval itself: one checker's claim, taken atomically.
 */
export const APPROVAL_STATUSES = ['pending', 'executing', 'executed', 'failed', 'rejected', 'withdrawn', 'expired'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** The policy in force (lib/approvals/policy.ts): env defaults, changed by an admin. */
export interface ApprovalPolicy {
  enabled: boolean;
  rules: ApprovalRule[];
  /** Any approvable action on a card whose balance is above this (KRW, decimal text) needs approval; null: no threshold. */
  balanceThresholdKrw: string | null;
  /** How long a request waits for a checker. */
  ttlMinutes: number;
}

/** How an executed request went: what the maker's and checker's screens show. */
export interface ApprovalOutcome {
  status: 'ok' | 'rejected' | 'upstream-error' | 'unavailable' | 'invalid';
  message: string;
  code?: string;
  correlationId?: string;
  outcomeUnknown?: boolean;
}

export interface ApprovalRequestView {
  id: string;
  action: ApprovableAction;
  status: ApprovalStatus;
  memberId: string;
  /** PAR of the card acted on, when there is one. */
  cardRef: string | null;
  /** The validated input as kept (never a CVC or an identity number). */
  input: Record<string, unknown>;
  reason: string | null;
  reasonText: string | null;
  makerId: string | null;
  makerEmail: string;
  createdAt: string;
  expiresAt: string;
  checkerEmail: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  outcome: ApprovalOutcome | null;
}

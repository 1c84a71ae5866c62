/**
 * The audit trail's vocabulary: browser-safe (no server imports), so filter forms can list it.
 */
export const AUDIT_ACTIONS = [
  'search',
  'view-card',
  'unregistered-lookup',
  'issue-prepaid',
  'issue-debit',
  'reissue-prepaid',
  'sign-in',
  'sign-in-failure',
  'sign-out-everywhere',
  'forbidden',
  'operator-change',
  'sandbox-control',
  'audit-purge',
  'audit-export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Operator actions that change a card's state upstream: linked to card-state history. */
export const CARD_CHANGING_ACTIONS = ['issue-prepaid', 'issue-debit', 'reissue-prepaid'] as const satisfies readonly AuditAction[];

export const AUDIT_ACTION_LABELS = {
  search: 'Member search',
  'view-card': 'View card',
  'unregistered-lookup': 'Unregistered-card lookup',
  'issue-prepaid': 'Issue prepaid card',
  'issue-debit': 'Issue debit card',
  'reissue-prepaid': 'Reissue prepaid card',
  'sign-in': 'Sign-in',
  'sign-in-failure': 'Sign-in failure',
  'sign-out-everywhere': 'Sign out everywhere',
  forbidden: 'Forbidden attempt',
  'operator-change': 'Operator change',
  'sandbox-control': 'Sandbox control',
  'audit-purge': 'Audit purge',
  'audit-export': 'Audit export',
} satisfies Record<AuditAction, string>;

/** Mirrors AUDIT_OUTCOMES in lib/db/schema.ts (kept here so the browser bundle stays free of Drizzle). */
export const AUDIT_OUTCOME_LABELS = {
  ok: 'OK',
  rejected: 'Rejected',
  upstream_error: 'Upstream error',
  unknown: 'Unknown',
  forbidden: 'Forbidden',
} as const;
export type AuditOutcomeName = keyof typeof AUDIT_OUTCOME_LABELS;
export const AUDIT_OUTCOME_NAMES = Object.keys(AUDIT_OUTCOME_LABELS) as AuditOutcomeName[];

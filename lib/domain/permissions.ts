/**
 * Who may do what: the single source of truth read by pages, navigation and server
 * actions. Safe to import in the browser (it holds no secrets), so navigation can hide
 * what a role cannot use; the server checks again in every action.
 */

/** Their names, in each language, are the messages `shell.roles.*`. */
export const ROLES = ['agent', 'manager', 'qa', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'cards.view', // member cards, balances and statuses
  'cards.lookupUnregistered', // look up an unregistered card
  'cards.issue', // issue a prepaid or debit card with delivery
  'cards.reissue', // reissue (replace) a prepaid card
  'cards.changeStatus', // suspend or resume a card
  'cards.cancelApplication', // cancel a card application while the platform allows it
  'members.reveal', // see a member's phone and e-mail unmasked (audited)
  'members.notes', // read and leave notes on a member
  'audit.read', // the audit trail and card-state history
  'audit.export',
  'review.read', // findings, access review, overview charts
  'review.manage', // acknowledge or resolve findings, sign the access review off
  'requests.approve', // approve or reject another operator's request held for approval (maker–checker)
  'sandbox.control', // QA controls, while the sandbox is the upstream
  'operators.manage', // operators and their roles
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every role may read of a member's cards. */
const READ_CARDS = ['cards.view', 'cards.lookupUnregistered'] as const satisfies readonly Permission[];
/** Acting on a member's cards: agents, and QA who verify those flows. */
const ACT_ON_CARDS = ['cards.issue', 'cards.reissue', 'cards.changeStatus', 'cards.cancelApplication'] as const satisfies readonly Permission[];
/** Reading the audit trail and the review built on it, and deciding on it: management. */
const REVIEW = ['audit.read', 'audit.export', 'review.read', 'review.manage'] as const satisfies readonly Permission[];

/** Managers audit and approve; they do not act on members' cards. */
export const ROLE_PERMISSIONS = {
  agent: [...READ_CARDS, ...ACT_ON_CARDS, 'members.reveal', 'members.notes'],
  manager: [...READ_CARDS, 'members.reveal', 'members.notes', ...REVIEW, 'requests.approve'],
  qa: [...READ_CARDS, ...ACT_ON_CARDS, 'members.notes', 'audit.read', 'sandbox.control'],
  admin: [...READ_CARDS, ...REVIEW, 'sandbox.control', 'operators.manage'],
} as const satisfies Record<Role, readonly Permission[]>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** An operator may hold several roles; their permissions are the union. */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission));
}

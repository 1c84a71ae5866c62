/**
 * Who may do what: the single source of truth read by pages, navigation and server
 * actions. Safe to import in the browser (it holds no secrets), so navigation can hide
 * what a role cannot use; the server checks again in every action.
 */

export const ROLES = ['agent', 'manager', 'qa', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'cards.view',
  'cards.lookupUnregistered',
  'cards.issue',
  'cards.reissue',
  'audit.read',
  'audit.export',
  'sandbox.control',
  'operators.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS = {
  'cards.view': 'View member cards, balances and statuses',
  'cards.lookupUnregistered': 'Look up an unregistered card',
  'cards.issue': 'Issue a prepaid or debit card with delivery',
  'cards.reissue': 'Reissue (replace) a prepaid card',
  'audit.read': 'Read the audit trail and card-state history',
  'audit.export': 'Export the audit trail',
  'sandbox.control': 'Sandbox controls (when the sandbox is the upstream)',
  'operators.manage': 'Manage operators and their roles',
} satisfies Record<Permission, string>;

export const ROLE_LABELS = {
  agent: 'Agent',
  manager: 'Manager',
  qa: 'QA',
  admin: 'Admin',
} satisfies Record<Role, string>;

/** Managers audit; they do not act on members' cards. */
export const ROLE_PERMISSIONS = {
  agent: ['cards.view', 'cards.lookupUnregistered', 'cards.issue', 'cards.reissue'],
  manager: ['cards.view', 'cards.lookupUnregistered', 'audit.read', 'audit.export'],
  qa: ['cards.view', 'cards.lookupUnregistered', 'cards.issue', 'cards.reissue', 'audit.read', 'sandbox.control'],
  admin: ['cards.view', 'cards.lookupUnregistered', 'audit.read', 'audit.export', 'sandbox.control', 'operators.manage'],
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

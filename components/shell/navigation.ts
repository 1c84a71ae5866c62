import type { IconName } from '@/components/primitives/icons';
import { can, type Permission, type Role } from '@/lib/domain/permissions';
import type { Messages } from '@/lib/i18n/messages/en';

/** The console's navigation: one list, filtered by the operator's permissions. */
export interface NavItem {
  href: string;
  /** Its words: `shell.nav.<label>`. */
  label: Exclude<keyof Messages['shell']['nav'], 'label'>;
  permission: Permission;
  icon: IconName;
  /** Only while the upstream is this project's sandbox. */
  sandboxOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'members', permission: 'cards.view', icon: 'creditCard' },
  { href: '/cards/unregistered', label: 'unregisteredCard', permission: 'cards.lookupUnregistered', icon: 'creditScore' },
  { href: '/audit', label: 'audit', permission: 'audit.read', icon: 'receiptLong' },
  { href: '/review', label: 'findings', permission: 'review.read', icon: 'factCheck' },
  { href: '/review/access', label: 'accessReview', permission: 'review.read', icon: 'verifiedUser' },
  { href: '/review/overview', label: 'overview', permission: 'review.read', icon: 'insights' },
  { href: '/approvals', label: 'approvals', permission: 'requests.approve', icon: 'approval' },
  { href: '/qa', label: 'qaWorkbench', permission: 'sandbox.control', icon: 'science', sandboxOnly: true },
  { href: '/qa/inspector', label: 'requestInspector', permission: 'sandbox.control', icon: 'travelExplore' },
  { href: '/admin/operators', label: 'operators', permission: 'operators.manage', icon: 'manageAccounts' },
  { href: '/admin/approvals', label: 'approvalPolicy', permission: 'operators.manage', icon: 'rule' },
];

export function visibleNavItems(roles: readonly Role[], upstreamIsSandbox: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(roles, item.permission) && (!item.sandboxOnly || upstreamIsSandbox));
}

import type { SvgIconComponent } from '@mui/icons-material';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import CreditScoreIcon from '@mui/icons-material/CreditScore';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import ScienceIcon from '@mui/icons-material/Science';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import { can, type Permission, type Role } from '@/lib/domain/permissions';

/** The console's navigation: one list, filtered by the operator's permissions. */
export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  icon: SvgIconComponent;
  /** Only while the upstream is this project's sandbox. */
  sandboxOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Members', permission: 'cards.view', icon: CreditCardIcon },
  { href: '/cards/unregistered', label: 'Unregistered card', permission: 'cards.lookupUnregistered', icon: CreditScoreIcon },
  { href: '/audit', label: 'Audit', permission: 'audit.read', icon: ReceiptLongIcon },
  { href: '/qa', label: 'QA workbench', permission: 'sandbox.control', icon: ScienceIcon, sandboxOnly: true },
  { href: '/qa/inspector', label: 'Request inspector', permission: 'sandbox.control', icon: TravelExploreIcon },
  { href: '/admin/operators', label: 'Operators', permission: 'operators.manage', icon: ManageAccountsIcon },
];

export function visibleNavItems(roles: readonly Role[], upstreamIsSandbox: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(roles, item.permission) && (!item.sandboxOnly || upstreamIsSandbox));
}

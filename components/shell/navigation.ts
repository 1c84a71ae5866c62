import type { SvgIconComponent } from '@mui/icons-material';
import ApprovalIcon from '@mui/icons-material/Approval';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import CreditScoreIcon from '@mui/icons-material/CreditScore';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import InsightsIcon from '@mui/icons-material/Insights';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RuleIcon from '@mui/icons-material/Rule';
import ScienceIcon from '@mui/icons-material/Science';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { can, type Permission, type Role } from '@/lib/domain/permissions';
import type { Messages } from '@/lib/i18n/messages/en';

/** The console's navigation: one list, filtered by the operator's permissions. */
export interface NavItem {
  href: string;
  /** Its words: `shell.nav.<label>`. */
  label: Exclude<keyof Messages['shell']['nav'], 'label'>;
  permission: Permission;
  icon: SvgIconComponent;
  /** Only while the upstream is this project's sandbox. */
  sandboxOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'members', permission: 'cards.view', icon: CreditCardIcon },
  { href: '/cards/unregistered', label: 'unregisteredCard', permission: 'cards.lookupUnregistered', icon: CreditScoreIcon },
  { href: '/audit', label: 'audit', permission: 'audit.read', icon: ReceiptLongIcon },
  { href: '/review', label: 'findings', permission: 'review.read', icon: FactCheckIcon },
  { href: '/review/access', label: 'accessReview', permission: 'review.read', icon: VerifiedUserIcon },
  { href: '/review/overview', label: 'overview', permission: 'review.read', icon: InsightsIcon },
  { href: '/approvals', label: 'approvals', permission: 'requests.approve', icon: ApprovalIcon },
  { href: '/qa', label: 'qaWorkbench', permission: 'sandbox.control', icon: ScienceIcon, sandboxOnly: true },
  { href: '/qa/inspector', label: 'requestInspector', permission: 'sandbox.control', icon: TravelExploreIcon },
  { href: '/admin/operators', label: 'operators', permission: 'operators.manage', icon: ManageAccountsIcon },
  { href: '/admin/approvals', label: 'approvalPolicy', permission: 'operators.manage', icon: RuleIcon },
];

export function visibleNavItems(roles: readonly Role[], upstreamIsSandbox: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => can(roles, item.permission) && (!item.sandboxOnly || upstreamIsSandbox));
}

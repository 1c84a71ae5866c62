import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Typography from '@mui/material/Typography';
import { ApprovalPolicyForm } from '@/components/admin/approval-policy-form';
import { approvalPolicyChange, currentApprovalPolicy } from '@/lib/approvals/policy';
import { requirePagePermission } from '@/lib/auth/access';
import { localeFormat } from '@/lib/format/locale-format';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { setApprovalPolicyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('approvals.policy');
  return { title: t('title') };
}

export default async function ApprovalPolicyPage() {
  await requirePagePermission('operators.manage', '/admin/approvals');
  const t = await getTranslations('approvals.policy');
  const format = localeFormat(await getLocale());
  const [policy, change] = await Promise.all([currentApprovalPolicy(), approvalPolicyChange()]);
  return (
    <ClientMessages page="(console)/admin/approvals">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('heading')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            {t('intro')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {change ? t('updated', { email: change.email, at: format.dateTime(change.at) }) : t('fromEnv')}
          </Typography>
          <ApprovalPolicyForm policy={policy} save={setApprovalPolicyAction} />
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

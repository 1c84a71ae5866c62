import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { ApprovalsBoard } from '@/components/approvals/approvals-board';
import { currentApprovalPolicy } from '@/lib/approvals/policy';
import { approvalsBoard } from '@/lib/approvals/requests';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { withdrawRequestAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('approvals');
  return { title: t('title') };
}

export default async function ApprovalsPage() {
  const operator = await requirePagePermission('cards.view', '/approvals');
  const t = await getTranslations('approvals');
  const [board, policy] = await Promise.all([
    approvalsBoard({ id: operator.id, mayDecide: can(operator.roles, 'requests.approve') }),
    currentApprovalPolicy(),
  ]);
  return (
    <ClientMessages page="(console)/approvals">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('heading')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('intro')}
          </Typography>
          {!policy.enabled && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('policyOff')}
            </Alert>
          )}
          <ApprovalsBoard initial={board} withdraw={withdrawRequestAction} />
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

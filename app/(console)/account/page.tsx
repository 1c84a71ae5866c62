import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { requirePageOperator } from '@/lib/auth/access';
import { recoveryCodesLeft } from '@/lib/auth/mfa';
import { findOperatorById } from '@/lib/auth/operators';
import { RECOVERY_CODE_COUNT } from '@/lib/auth/totp';
import { localeFormat } from '@/lib/format/locale-format';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { changePasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

/** The signed-in operator's own account: who they are, their MFA, their password. */
export default async function AccountPage() {
  const operator = await requirePageOperator('/account');
  const row = await findOperatorById(operator.id);
  const passwordOperator = !!row?.passwordHash;
  const codesLeft = passwordOperator ? await recoveryCodesLeft(operator.id) : 0;
  const t = await getTranslations();
  const format = localeFormat(await getLocale());
  return (
    <ClientMessages page="(console)/account">
      <MuiTheme>
        <Stack spacing={3} sx={{ maxWidth: 720 }}>
          <Typography variant="h5" component="h1">
            {t('account.heading')}
          </Typography>
          <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-who">
            <Typography id="account-who" variant="h6" component="h2" gutterBottom>
              {operator.name}
            </Typography>
            <Typography variant="body2">{operator.email}</Typography>
            <Typography variant="body2" color="text.secondary">
              {operator.roles.map((role) => t(`shell.roles.${role}`)).join(' · ')}
            </Typography>
          </Paper>
          <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-mfa">
            <Typography id="account-mfa" variant="h6" component="h2" gutterBottom>
              {t('account.mfa.heading')}
            </Typography>
            {passwordOperator ? (
              <Typography variant="body2" data-testid="mfa-status">
                {row?.totpEnrolledAt ? t('account.mfa.enrolledOn', { date: format.dateTime(row.totpEnrolledAt) }) : t('account.mfa.enrolled')}{' '}
                {t('account.mfa.codesLeft', { left: codesLeft, total: RECOVERY_CODE_COUNT })} {t('account.mfa.lost')}
              </Typography>
            ) : (
              <Typography variant="body2" data-testid="mfa-status">
                {t('account.mfa.identityProvider')}
              </Typography>
            )}
          </Paper>
          {passwordOperator && (
            <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-password">
              <Typography id="account-password" variant="h6" component="h2" gutterBottom>
                {t('account.password.heading')}
              </Typography>
              <ChangePasswordForm changePassword={changePasswordAction} />
            </Paper>
          )}
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}

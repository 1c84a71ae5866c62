import type { Metadata } from 'next';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { requirePageOperator } from '@/lib/auth/access';
import { recoveryCodesLeft } from '@/lib/auth/mfa';
import { findOperatorById } from '@/lib/auth/operators';
import { ROLE_LABELS } from '@/lib/domain/permissions';
import { formatDateTime } from '@/lib/format/date';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

/** The signed-in operator's own account: who they are, their MFA, their password. */
export default async function AccountPage() {
  const operator = await requirePageOperator('/account');
  const row = await findOperatorById(operator.id);
  const passwordOperator = !!row?.passwordHash;
  const codesLeft = passwordOperator ? await recoveryCodesLeft(operator.id) : 0;
  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Typography variant="h5" component="h1">
        Account
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-who">
        <Typography id="account-who" variant="h6" component="h2" gutterBottom>
          {operator.name}
        </Typography>
        <Typography variant="body2">{operator.email}</Typography>
        <Typography variant="body2" color="text.secondary">
          {operator.roles.map((role) => ROLE_LABELS[role]).join(' · ')}
        </Typography>
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-mfa">
        <Typography id="account-mfa" variant="h6" component="h2" gutterBottom>
          Two-factor authentication
        </Typography>
        {passwordOperator ? (
          <Typography variant="body2" data-testid="mfa-status">
            Authenticator app set up {row?.totpEnrolledAt ? `on ${formatDateTime(row.totpEnrolledAt)}` : ''}.{' '}
            {codesLeft} of 10 recovery codes left. Lost your phone or your codes? Ask an admin to reset your MFA: you will
            set it up again at your next sign-in.
          </Typography>
        ) : (
          <Typography variant="body2" data-testid="mfa-status">
            You sign in through your company’s identity provider, which asks for your second factor. Your password is
            managed there too.
          </Typography>
        )}
      </Paper>
      {passwordOperator && (
        <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="account-password">
          <Typography id="account-password" variant="h6" component="h2" gutterBottom>
            Change your password
          </Typography>
          <ChangePasswordForm changePassword={changePasswordAction} />
        </Paper>
      )}
    </Stack>
  );
}

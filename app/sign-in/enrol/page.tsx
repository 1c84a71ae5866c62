import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { MfaEnrolment } from '@/components/auth/mfa-enrolment';
import { getSessionState } from '@/lib/auth/access';
import { pendingTotpSecret } from '@/lib/auth/mfa';
import { groupedSecret, totpQrCode, totpUri, TOTP_ISSUER } from '@/lib/auth/totp';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { confirmEnrolmentAction, leaveEnrolmentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.enrol');
  return { title: t('title') };
}

/**
 * The second step of a password operator's first sign-in (and the first after an admin's
 * reset): nothing else of the console opens until an authenticator app is set up.
 */
export default async function EnrolPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const path = safeRedirectPath(params.callbackUrl);
  const continueTo = /^\/sign-in([/?#]|$)/.test(path) ? '/' : path;
  const state = await getSessionState();
  if (state.kind === 'anonymous') redirect('/sign-in');
  if (state.kind === 'signed-in') redirect(continueTo);

  const secret = await pendingTotpSecret(state.operator.id);
  if (!secret) redirect('/sign-in');
  const uri = totpUri(secret, state.operator.email);
  const t = await getTranslations('auth.enrol');

  return (
    <ClientMessages page="sign-in/enrol">
      <MuiTheme>
        <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
          <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 560 }}>
            <Typography variant="h5" component="h1" gutterBottom>
              {t('heading')}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {t('intro', { name: state.operator.name })}
            </Typography>
            <MfaEnrolment
              qrCode={await totpQrCode(uri)}
              secret={groupedSecret(secret)}
              issuer={TOTP_ISSUER}
              account={state.operator.email}
              continueTo={continueTo}
              confirm={confirmEnrolmentAction}
              signOut={leaveEnrolmentAction}
            />
          </Paper>
        </Box>
      </MuiTheme>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { chooseLocaleAction } from '@/app/(console)/actions';
import { SignInForm, type SignInError } from '@/components/auth/sign-in-form';
import { DemoOperators } from '@/components/auth/demo-operators';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { ENROLMENT_PATH, getSessionState } from '@/lib/auth/access';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS } from '@/lib/db';
import { env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';


export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('title') };
}

/** A same-origin path, and not sign-in itself (a signed-in operator would loop). */
function returnPathOf(callbackUrl: string | string[] | undefined): string {
  const path = safeRedirectPath(callbackUrl);
  return /^\/sign-in([/?#]|$)/.test(path) ? '/' : path;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = returnPathOf(params.callbackUrl);
  const state = await getSessionState();
  if (state.kind === 'signed-in') redirect(callbackUrl);
  if (state.kind === 'enrolling') redirect(`${ENROLMENT_PATH}?callbackUrl=${encodeURIComponent(callbackUrl)}`);

  const t = await getTranslations();
  const { upstreamIsSandbox, oidcEnabled, OIDC_NAME } = env();
  // After the company IdP's logout, the reason comes back as OpenID's `state` (lib/auth/sign-out.ts).
  const errorKey = typeof params.error === 'string' ? params.error : params.state === 'SessionEnded' ? 'SessionEnded' : undefined;
  const error: SignInError | undefined =
    errorKey === undefined ? undefined : t.has(`auth.signIn.errors.${errorKey}` as never) ? (errorKey as SignInError) : 'Default';

  return (
    <ClientMessages page="sign-in">
      <MuiTheme>
        <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
          <Box sx={{ width: '100%', maxWidth: 420 }}>
            <Paper variant="outlined" sx={{ p: 4 }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1 }}>
                <Typography variant="h5" component="h1">
                  {t('shell.productName')}
                </Typography>
                {/* Before sign-in the choice is kept in a cookie; signing in keeps it for the operator. */}
                <LanguageSwitch choose={chooseLocaleAction} color="default" />
              </Stack>
              <Typography color="text.secondary" sx={{ mb: 3 }}>
                {t('auth.signIn.intro')}
              </Typography>
              <SignInForm
                callbackUrl={callbackUrl}
                initialError={error}
                oidc={oidcEnabled ? { name: OIDC_NAME } : undefined}
              />
            </Paper>
            {upstreamIsSandbox && (
              <DemoOperators
                password={DEMO_OPERATOR_PASSWORD}
                operators={DEMO_OPERATORS.map(({ email, roles, totpSecret }) => ({ email, roles: [...roles], totpSecret }))}
              />
            )}
          </Box>
        </Box>
      </MuiTheme>
    </ClientMessages>
  );
}

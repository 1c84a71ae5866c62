import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { SignInForm } from '@/components/auth/sign-in-form';
import { DemoOperators } from '@/components/auth/demo-operators';
import { ENROLMENT_PATH, getSessionState } from '@/lib/auth/access';
import { SIGN_IN_ERRORS } from '@/lib/auth/options';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS } from '@/lib/db';
import { env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

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

  const { upstreamIsSandbox, oidcEnabled, OIDC_NAME } = env();
  // After the company IdP's logout, the reason comes back as OpenID's `state` (lib/auth/sign-out.ts).
  const errorKey = typeof params.error === 'string' ? params.error : params.state === 'SessionEnded' ? 'SessionEnded' : undefined;
  const error = errorKey
    ? (SIGN_IN_ERRORS[errorKey as keyof typeof SIGN_IN_ERRORS] ?? 'Sign-in failed. Try again.')
    : undefined;

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Box sx={{ width: '100%', maxWidth: 420 }}>
        <Paper variant="outlined" sx={{ p: 4 }}>
          <Typography variant="h5" component="h1" gutterBottom>
            Konaplate Console
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            Sign in with your operator account.
          </Typography>
          <SignInForm
            callbackUrl={callbackUrl}
            initialError={error}
            errorMessages={SIGN_IN_ERRORS}
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
  );
}

'use client';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import type { Messages } from '@/lib/i18n/messages/en';
import { signInSchema } from '@/lib/schemas/operator';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';

/** A reason next-auth gives for a refused sign-in (`?error=`), with words in auth.signIn.errors; `Default` for any other. */
export type SignInError = keyof Messages['auth']['signIn']['errors'];

interface Props {
  callbackUrl: string;
  initialError?: SignInError;
  /** The company IdP's button; its label unless the deployment names it. */
  oidc?: { name?: string };
}

const noSubscription = () => () => {};

/** False in the server's HTML and until the page has hydrated; true once this form's handlers are live. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

export function SignInForm({ callbackUrl, initialError, oidc }: Props) {
  const t = useTranslations('auth.signIn');
  // The reason, not its words: a change of language shows it in the new one.
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const form = useValidatedForm(signInSchema, { email: '', password: '', otp: '' });
  const hydrated = useHydrated();
  const isSignInError = (code: string | null | undefined): code is SignInError => !!code && t.has(`errors.${code}` as never);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials = form.validateAll();
    if (!credentials) return;
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', { ...credentials, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component reads the new session: through this page,
      // which sends the operator on, or first to set up MFA when they have none yet.
      const next = new URL('/sign-in', window.location.origin);
      next.searchParams.set('callbackUrl', callbackUrl);
      window.location.assign(next.href);
      return;
    }
    setPending(false);
    // A code is good once and for half a minute: the next try takes a fresh one.
    form.setField('otp', '');
    const refusal = result?.error;
    setError(isSignInError(refusal) ? refusal : 'CredentialsSignin');
  }

  return (
    // Signing in takes the script: until it runs, the buttons wait, and a submission (Enter) is a
    // POST to this page, which only shows it again, so that a password never lands in a URL.
    <Stack component="form" method="post" onSubmit={onSubmit} spacing={2} noValidate>
      {error && (
        <Alert severity="error" role="alert" data-testid="sign-in-error">
          {t(`errors.${error}`)}
        </Alert>
      )}
      {/* Above the fields: the email field's error, shown when it loses focus, would move a button below it from under the pointer. */}
      {oidc && (
        <>
          <Button variant="outlined" size="large" disabled={!hydrated} onClick={() => signIn('oidc', { callbackUrl })}>
            {oidc.name ?? t('companySignIn')}
          </Button>
          <Divider>{t('or')}</Divider>
        </>
      )}
      <FormTextField form={form} field="email" type="email" label={t('email')} autoComplete="username" required autoFocus fullWidth />
      <FormTextField form={form} field="password" type="password" label={t('password')} autoComplete="current-password" required fullWidth />
      <FormTextField form={form} field="otp" label={t('code')} autoComplete="one-time-code" fullWidth hint={t('codeHint')} />
      <Button type="submit" variant="contained" size="large" loading={pending} disabled={!hydrated}>
        {t('submit')}
      </Button>
    </Stack>
  );
}

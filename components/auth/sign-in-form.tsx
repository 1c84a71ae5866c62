'use client';
import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { signInSchema } from '@/lib/schemas/operator';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';

interface Props {
  callbackUrl: string;
  initialError?: string;
  errorMessages: Record<string, string>;
  oidc?: { name: string };
}

export function SignInForm({ callbackUrl, initialError, errorMessages, oidc }: Props) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const form = useValidatedForm(signInSchema, { email: '', password: '', otp: '' });

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
    setError(errorMessages[result?.error ?? ''] ?? errorMessages.CredentialsSignin);
  }

  return (
    <Stack component="form" onSubmit={onSubmit} spacing={2} noValidate>
      {error && (
        <Alert severity="error" role="alert" data-testid="sign-in-error">
          {error}
        </Alert>
      )}
      {/* Above the fields: the email field's error, shown when it loses focus, would move a button below it from under the pointer. */}
      {oidc && (
        <>
          <Button variant="outlined" size="large" onClick={() => signIn('oidc', { callbackUrl })}>
            {oidc.name}
          </Button>
          <Divider>or</Divider>
        </>
      )}
      <FormTextField form={form} field="email" type="email" label="Email" autoComplete="username" required autoFocus fullWidth />
      <FormTextField form={form} field="password" type="password" label="Password" autoComplete="current-password" required fullWidth />
      <FormTextField
        form={form}
        field="otp"
        label="Authentication code"
        autoComplete="one-time-code"
        fullWidth
        hint="The 6-digit code from your authenticator app, or a recovery code. Leave it empty the first time you sign in: you will set up the app next."
      />
      <Button type="submit" variant="contained" size="large" loading={pending}>
        Sign in
      </Button>
    </Stack>
  );
}

'use client';
import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

interface Props {
  callbackUrl: string;
  initialError?: string;
  errorMessages: Record<string, string>;
  oidc?: { name: string };
}

export function SignInForm({ callbackUrl, initialError, errorMessages, oidc }: Props) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component reads the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(errorMessages[result?.error ?? ''] ?? errorMessages.CredentialsSignin);
  }

  return (
    <Stack component="form" onSubmit={onSubmit} spacing={2} noValidate>
      {error && (
        <Alert severity="error" role="alert" data-testid="sign-in-error">
          {error}
        </Alert>
      )}
      <TextField name="email" type="email" label="Email" autoComplete="username" required autoFocus fullWidth />
      <TextField name="password" type="password" label="Password" autoComplete="current-password" required fullWidth />
      <Button type="submit" variant="contained" size="large" loading={pending}>
        Sign in
      </Button>
      {oidc && (
        <>
          <Divider>or</Divider>
          <Button variant="outlined" size="large" onClick={() => signIn('oidc', { callbackUrl })}>
            {oidc.name}
          </Button>
        </>
      )}
    </Stack>
  );
}

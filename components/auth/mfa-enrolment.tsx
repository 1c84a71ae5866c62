'use client';
import { useActionState, useEffect, useRef, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { enrolmentSchema } from '@/lib/schemas/mfa';
import { FormTextField } from '@/components/forms/form-text-field';
import { useValidatedForm } from '@/components/forms/use-validated-form';

type EnrolmentState = ActionState<{ recoveryCodes: string[] }>;

interface Props {
  /** The otpauth:// URI as a QR code (an SVG data URL drawn on the server). */
  qrCode: string;
  /** The same secret in base32, grouped by four, for typing into the app by hand. */
  secret: string;
  issuer: string;
  account: string;
  /** Where "Continue" goes once the recovery codes are saved. */
  continueTo: string;
  confirm: (prev: EnrolmentState, formData: FormData) => Promise<EnrolmentState>;
  /** Ends the half-open session; answers where the browser goes. */
  signOut: () => Promise<{ url: string }>;
}

/** Scan (or type) the secret, confirm with a code, then keep the recovery codes shown once. */
export function MfaEnrolment({ qrCode, secret, issuer, account, continueTo, confirm, signOut }: Props) {
  const t = useTranslations('auth.enrol');
  const [state, formAction, pending] = useActionState(confirm, IDLE);
  // A refused code stays, with the reason next to it, until the operator types another.
  const form = useValidatedForm(enrolmentSchema, { code: '' }, { answer: state });

  if (state.status === 'ok') return <RecoveryCodes codes={state.data.recoveryCodes} continueTo={continueTo} />;

  return (
    <Stack spacing={3}>
      <Box component="section" aria-labelledby="enrol-scan">
        <Typography id="enrol-scan" variant="h6" component="h2" gutterBottom>
          {t('scanHeading')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: 'center' }}>
          <Box
            component="img"
            src={qrCode}
            alt={t('qrAlt', { issuer, account })}
            sx={{ width: 180, height: 180, flexShrink: 0, bgcolor: 'common.white', borderRadius: 1 }}
          />
          <Box>
            <Typography variant="body2" gutterBottom>
              {t('scan')}
            </Typography>
            <Typography component="p" sx={{ fontFamily: 'monospace', fontSize: '1.05rem', wordBreak: 'break-word' }} data-testid="totp-secret">
              {secret}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t('accountAndIssuer', { account, issuer })}
            </Typography>
          </Box>
        </Stack>
      </Box>
      <Box
        component="form"
        aria-labelledby="enrol-confirm"
        action={formAction}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          if (!form.validateAll()) event.preventDefault();
        }}
        noValidate
      >
        <Typography id="enrol-confirm" variant="h6" component="h2" gutterBottom>
          {t('confirmHeading')}
        </Typography>
        <Stack spacing={2}>
          <div aria-live="polite">
            {state.status !== 'idle' && state.status !== 'invalid' && <Alert severity="error">{state.message}</Alert>}
            {state.status === 'invalid' && !state.fieldErrors.code && <Alert severity="error">{state.message}</Alert>}
          </div>
          <FormTextField
            form={form}
            field="code"
            label={t('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            hint={t('codeHint')}
          />
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" loading={pending}>
              {t('confirm')}
            </Button>
            <Button onClick={async () => window.location.assign((await signOut()).url)}>{t('leave')}</Button>
          </Stack>
        </Stack>
      </Box>
    </Stack>
  );
}

/** Shown once, right after enrolment: the codes are stored hashed and cannot be shown again. */
function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const t = useTranslations('auth');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack spacing={2} component="section" aria-labelledby="recovery-codes-heading">
      <Alert severity="success">{t('enrol.done')}</Alert>
      <Typography id="recovery-codes-heading" ref={heading} tabIndex={-1} variant="h6" component="h2">
        {t('recoveryCodes.heading')}
      </Typography>
      <Typography variant="body2">
        {t.rich('recoveryCodes.explanation', { strong: (chunks) => <strong>{chunks}</strong> })}
      </Typography>
      <Box
        component="ol"
        data-testid="recovery-codes"
        sx={{ fontFamily: 'monospace', fontSize: '1.05rem', columns: 2, m: 0, pl: 4, '& li': { py: 0.25 } }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Box>
        <Button variant="contained" href={continueTo}>
          {t('recoveryCodes.continue')}
        </Button>
      </Box>
    </Stack>
  );
}

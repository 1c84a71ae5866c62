'use client';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/**
 * A page that failed on the server (or in the browser): the operator reads what to do, and the
 * error's digest, which the server log carries too, for the admin to find it. Never the error's
 * own message: it is for engineers, and may hold details an operator should not see.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', mt: 12, p: 3, textAlign: 'center' }}>
      <Typography variant="overline" color="error">
        {t('failed.status')}
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('failed.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: digest ? 1 : 3 }}>
        {t('failed.text')}
      </Typography>
      {digest && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }} data-testid="error-reference">
          {t('failed.reference', { digest })}
        </Typography>
      )}
      <Stack direction="row" spacing={2} sx={{ justifyContent: 'center' }}>
        <Button variant="contained" onClick={() => retry()}>
          {t('failed.retry')}
        </Button>
        <Button href="/">{t('backToConsole')}</Button>
      </Stack>
    </Box>
  );
}

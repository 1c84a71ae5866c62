import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

/** An address the console does not have, or a page's notFound() (a malformed member id). */
export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', mt: 12, p: 3, textAlign: 'center' }}>
      <Typography variant="overline" color="text.secondary">
        {t('notFound.status')}
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('notFound.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('notFound.text')}
      </Typography>
      <Button href="/" variant="contained">
        {t('backToConsole')}
      </Button>
    </Box>
  );
}

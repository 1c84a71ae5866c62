import { getTranslations } from 'next-intl/server';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', mt: 12, p: 3, textAlign: 'center' }}>
      <Typography variant="overline" color="error">
        {t('forbidden.status')}
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('forbidden.heading')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('forbidden.text')}
      </Typography>
      <Button href="/" variant="contained">
        {t('backToConsole')}
      </Button>
    </Box>
  );
}

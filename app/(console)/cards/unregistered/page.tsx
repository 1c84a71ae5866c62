import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { UnregisteredLookup } from '@/components/members/unregistered-lookup';
import { requirePagePermission } from '@/lib/auth/access';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { lookupUnregisteredCardAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cards.unregistered'))('title') };
}

export default async function UnregisteredCardPage() {
  await requirePagePermission('cards.lookupUnregistered', '/cards/unregistered');
  const t = await getTranslations('cards.unregistered');
  return (
    <ClientMessages page="(console)/cards/unregistered">
      <MuiTheme>
        {/* Korean wraps between words, not inside them (the hints under the narrow fields too). */}
        <Stack spacing={3} sx={{ maxWidth: 900, wordBreak: 'keep-all' }}>
          <Typography variant="h5" component="h1">
            {t('heading')}
          </Typography>
          <Typography color="text.secondary">{t('intro')}</Typography>
          <UnregisteredLookup action={lookupUnregisteredCardAction} />
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}

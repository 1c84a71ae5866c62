'use client';
import { useTranslations } from 'next-intl';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';

/** When the data on screen was fetched (to the second: a refresh must visibly change it), and a way to fetch it again. */
export function FetchedAt({ at, refreshing, onRefresh }: { at?: string; refreshing: boolean; onRefresh: () => void }) {
  const t = useTranslations('members.cards');
  const format = useLocaleFormat();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {at && (
        <Typography variant="body2" color="text.secondary" data-testid="fetched-at">
          {t('fetchedAt', { time: `${format.dateTime(at)}:${new Date(at).getSeconds().toString().padStart(2, '0')}` })}
        </Typography>
      )}
      <Button size="small" startIcon={<RefreshIcon />} onClick={onRefresh} loading={refreshing} loadingPosition="start">
        {t('refresh')}
      </Button>
    </Stack>
  );
}

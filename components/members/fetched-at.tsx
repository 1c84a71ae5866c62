'use client';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { formatDateTime } from '@/lib/format/date';

/** When the data on screen was fetched, and a way to fetch it again. */
export function FetchedAt({ at, refreshing, onRefresh }: { at?: string; refreshing: boolean; onRefresh: () => void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {at && (
        <Typography variant="body2" color="text.secondary" data-testid="fetched-at">
          Fetched {formatDateTime(at)}:{new Date(at).getSeconds().toString().padStart(2, '0')}
        </Typography>
      )}
      <Button size="small" startIcon={<RefreshIcon />} onClick={onRefresh} loading={refreshing} loadingPosition="start">
        Refresh
      </Button>
    </Stack>
  );
}

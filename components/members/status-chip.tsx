import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { DecodedStatus, StatusTone } from '@/lib/domain/card-status';

const COLOR: Record<StatusTone, 'success' | 'warning' | 'error' | 'default'> = {
  normal: 'success',
  suspended: 'warning',
  deleted: 'error',
  info: 'default',
};

/** A card state in words, coloured by what it means; the raw code on hover and for screen readers. */
export function StatusChip({ status, prefix }: { status: DecodedStatus; prefix?: string }) {
  return (
    <Tooltip title={`${status.field} = ${status.code}`}>
      <Chip
        size="small"
        variant={status.tone === 'normal' ? 'outlined' : 'filled'}
        color={COLOR[status.tone]}
        label={prefix ? `${prefix}: ${status.label}` : status.label}
        aria-label={`${prefix ? `${prefix} ` : ''}${status.label} (${status.field} ${status.code})`}
        data-tone={status.tone}
      />
    </Tooltip>
  );
}

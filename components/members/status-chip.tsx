'use client';
import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import Chip from '@mui/material/Chip';
import type { DecodedStatus, StatusTone } from '@/lib/domain/card-status';

const COLOR: Record<StatusTone, 'success' | 'warning' | 'error' | 'default'> = {
  normal: 'success',
  suspended: 'warning',
  deleted: 'error',
  info: 'default',
};

/** A card state's words in the reader's language; an unknown code is shown as such. */
export function useStatusWords(): (status: DecodedStatus) => string {
  const t = useTranslations('cards');
  return useCallback((status) => (status.words ? t(status.words) : t('status.unknown', { code: status.code })), [t]);
}

/**
 * A card state in words, coloured by what it means; the raw code on hover (the browser's own
 * title: MUI's Tooltip would bring Popper into the card list's first load) and for screen readers.
 * `prefix` (in the reader's language) says which state it is, e.g. "Mobile".
 */
export function StatusChip({ status, prefix }: { status: DecodedStatus; prefix?: string }) {
  const t = useTranslations('cards.status');
  const words = useStatusWords()(status);
  const values = { status: words, field: status.field, code: status.code };
  return (
    <Chip
      title={`${status.field} = ${status.code}`}
      size="small"
      variant={status.tone === 'normal' ? 'outlined' : 'filled'}
      color={COLOR[status.tone]}
      label={prefix ? t('withPrefix', { prefix, status: words }) : words}
      aria-label={prefix ? t('describedWithPrefix', { ...values, prefix }) : t('described', values)}
      data-tone={status.tone}
    />
  );
}

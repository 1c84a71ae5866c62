import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import type { DecodedStatus } from '@/lib/domain/card-status';
import styles from './card-list.module.css';

// No 'use client': the card list renders these on the server; client components bundle them.

/** A card state's words in the reader's language; an unknown code is shown as such. */
export function useStatusWords(): (status: DecodedStatus) => string {
  const t = useTranslations('cards');
  return useCallback((status) => (status.words ? t(status.words) : t('status.unknown', { code: status.code })), [t]);
}

/**
 * A card state in words, coloured by what it means (outlined when normal, filled otherwise); the
 * raw code on hover (the browser's own title) and for screen readers. `prefix` (in the reader's
 * language) says which state it is, e.g. "Mobile".
 */
export function StatusChip({ status, prefix }: { status: DecodedStatus; prefix?: string }) {
  const t = useTranslations('cards.status');
  const words = useStatusWords()(status);
  const values = { status: words, field: status.field, code: status.code };
  return (
    <div
      className={`${styles.chip} ${styles[status.tone]}`}
      title={`${status.field} = ${status.code}`}
      aria-label={prefix ? t('describedWithPrefix', { ...values, prefix }) : t('described', values)}
      data-tone={status.tone}
    >
      {prefix ? t('withPrefix', { prefix, status: words }) : words}
    </div>
  );
}

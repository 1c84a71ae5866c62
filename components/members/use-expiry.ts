import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import { describeExpiry, expiryWords, type Expiry } from '@/lib/format/expiry';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';

export interface ExpiryText extends Expiry {
  /** The expiry day in the reader's language. */
  date: string;
  /** "expires in 12 days", "12일 후 만료". */
  relative: string;
}

/** A card's expiry (Konaplate's yyyyMMdd) as the reader reads it, with how far it is. */
export function useExpiry(): (yyyymmdd: string) => ExpiryText {
  const t = useTranslations('format');
  const format = useLocaleFormat();
  return useCallback(
    (yyyymmdd) => {
      const expiry = describeExpiry(yyyymmdd);
      return { ...expiry, date: format.compactDate(yyyymmdd), relative: t(...expiryWords(expiry)) };
    },
    [t, format],
  );
}

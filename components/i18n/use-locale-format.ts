import { useLocale } from 'next-intl';
import { localeFormat, type LocaleFormat } from '@/lib/format/locale-format';

/** Dates, won and counts in the reader's language (server components: `localeFormat(await getLocale())`). */
export function useLocaleFormat(): LocaleFormat {
  return localeFormat(useLocale());
}

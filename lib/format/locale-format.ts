import type { Locale } from '@/lib/i18n/locales';
import { formatCompactDate } from './date';

/**
 * Numbers, won and dates as each language reads them, in Korea time (the card programme's
 * zone) whatever the server's or the browser's zone is. English keeps the compact ISO-like
 * dates operators scan in tables (2026-11-25 21:11); Korean writes them the Korean way
 * (2026년 11월 25일, 2026. 11. 25. 21:11).
 */
export interface LocaleFormat {
  /** 2026-11-25 · 2026년 11월 25일 */
  date(at: Date | string): string;
  /** 2026-11-25 21:11 · 2026. 11. 25. 21:11 */
  dateTime(at: Date | string): string;
  /** Konaplate's yyyyMMdd as a date of the locale; anything else unchanged. */
  compactDate(yyyymmdd: string): string;
  /** ₩1,234,000 */
  krw(amount: number): string;
  /** 12,500 */
  count(value: number): string;
}

const ZONE = 'Asia/Seoul';

function build(locale: Locale): LocaleFormat {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const krw = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency: 'KRW' });
  const count = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  if (locale === 'ko') {
    const longDate = new Intl.DateTimeFormat('ko-KR', { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric' });
    const shortDate = new Intl.DateTimeFormat('ko-KR', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    return {
      date: (at) => longDate.format(new Date(at)),
      dateTime: (at) => `${shortDate.format(new Date(at))} ${time.format(new Date(at))}`,
      compactDate: (yyyymmdd) => (/^\d{8}$/.test(yyyymmdd) ? longDate.format(compactToInstant(yyyymmdd)) : yyyymmdd),
      krw: (amount) => krw.format(amount),
      count: (value) => count.format(value),
    };
  }
  const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    date: (at) => isoDate.format(new Date(at)),
    dateTime: (at) => `${isoDate.format(new Date(at))} ${time.format(new Date(at))}`,
    compactDate: formatCompactDate,
    krw: (amount) => krw.format(amount),
    count: (value) => count.format(value),
  };
}

/** Noon in Korea on that day: the same calendar day in any zone the formatter is told. */
function compactToInstant(yyyymmdd: string): Date {
  return new Date(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T12:00:00+09:00`);
}

const cache = new Map<Locale, LocaleFormat>();

/** The formatters of a language (built once: Intl formatters are costly to create). */
export function localeFormat(locale: Locale): LocaleFormat {
  let format = cache.get(locale);
  if (!format) cache.set(locale, (format = build(locale)));
  return format;
}

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { formatCompactDate } from './date';
import { describeExpiry, expiryWords, koreaToday } from './expiry';

// Dates, won and counts per language: locale-format.test.ts.
describe('dates', () => {
  it('reads Konaplate’s yyyyMMdd', () => {
    expect(formatCompactDate('20291231')).toBe('2029-12-31');
    expect(formatCompactDate('2029-12')).toBe('2029-12');
  });

  it("knows Korea's date from an instant", () => {
    expect(koreaToday(new Date('2026-11-24T15:30:00Z'))).toBe('20261125');
  });
});

describe('expiry', () => {
  const words = (locale: 'en' | 'ko', yyyymmdd: string) => {
    const t = createTranslator({ locale, messages: { en, ko }[locale], namespace: 'format' });
    return t(...expiryWords(describeExpiry(yyyymmdd, '20261124')));
  };

  it('counts the days left, valid through the expiry day', () => {
    expect(describeExpiry('20261204', '20261124')).toEqual({ daysLeft: 10, expired: false });
    expect(describeExpiry('20261124', '20261124')).toEqual({ daysLeft: 0, expired: false });
    expect(describeExpiry('20270101', '20261231').daysLeft).toBe(1);
  });

  it('says how far the expiry is, in English and Korean', () => {
    expect(words('en', '20261206')).toBe('expires in 12 days');
    expect(words('en', '20261125')).toBe('expires in 1 day');
    expect(words('en', '20261124')).toBe('expires today');
    expect(words('ko', '20261206')).toBe('12일 후 만료');
    expect(words('ko', '20261124')).toBe('오늘 만료');
  });

  it('says how long ago an expired card expired', () => {
    expect(describeExpiry('20261121', '20261124')).toEqual({ daysLeft: -3, expired: true });
    expect(words('en', '20261121')).toBe('expired 3 days ago');
    expect(words('en', '20261123')).toBe('expired 1 day ago');
    expect(words('ko', '20261121')).toBe('3일 전 만료');
  });

  it('writes a long way off with thousands separators', () => {
    expect(words('en', '20300101')).toMatch(/^expires in 1,1\d\d days$/);
  });
});

import type formatWords from '@/lib/i18n/messages/en/format.json';

const DAY_MS = 86_400_000;

/** Today in Korea as yyyyMMdd: expiry dates are calendar days there. */
export function koreaToday(now = new Date()): string {
  const shifted = new Date(now.getTime() + 9 * 3_600_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

export interface Expiry {
  /** Days left until the expiry day (0 on the day itself); negative once expired. */
  daysLeft: number;
  expired: boolean;
}

/** A card is valid through its expiry day. */
export function describeExpiry(yyyymmdd: string, today = koreaToday()): Expiry {
  const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  const daysLeft = Math.round((toUtc(yyyymmdd) - toUtc(today)) / DAY_MS);
  return { daysLeft, expired: daysLeft < 0 };
}

type ExpiryKey = `expiry.${keyof (typeof formatWords)['expiry']}`;

/**
 * Which `format` message says how far the expiry is ("expires in 12 days", "12일 후 만료"), with
 * its values: `t(...expiryWords(expiry))`.
 */
export function expiryWords({ daysLeft }: Expiry): [ExpiryKey, { days: number }] {
  if (daysLeft > 0) return ['expiry.in', { days: daysLeft }];
  if (daysLeft < 0) return ['expiry.ago', { days: -daysLeft }];
  return ['expiry.today', { days: 0 }];
}

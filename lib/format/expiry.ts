import { formatCompactDate } from './date';

const DAY_MS = 86_400_000;

/** Today in Korea as yyyyMMdd: expiry dates are calendar days there. */
export function koreaToday(now = new Date()): string {
  const shifted = new Date(now.getTime() + 9 * 3_600_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

export interface Expiry {
  /** yyyy-MM-dd */
  date: string;
  /** Days left until the expiry day (0 on the day itself); negative once expired. */
  daysLeft: number;
  expired: boolean;
  /** "expires in 12 days", "expires today", "expired 3 days ago". */
  label: string;
}

/** A card is valid through its expiry day. */
export function describeExpiry(yyyymmdd: string, today = koreaToday()): Expiry {
  const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  const daysLeft = Math.round((toUtc(yyyymmdd) - toUtc(today)) / DAY_MS);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const label =
    daysLeft > 0 ? `expires in ${plural(daysLeft)}` : daysLeft === 0 ? 'expires today' : `expired ${plural(-daysLeft)} ago`;
  return { date: formatCompactDate(yyyymmdd), daysLeft, expired: daysLeft < 0, label };
}

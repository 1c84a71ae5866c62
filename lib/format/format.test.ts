import { describe, expect, it } from 'vitest';
import { formatCompactDate, formatDate, formatDateTime } from './date';
import { describeExpiry, koreaToday } from './expiry';
import { formatCount, formatKrw } from './money';

describe('money', () => {
  it('formats won with the Korean locale and no decimals', () => {
    expect(formatKrw(1234000)).toBe('₩1,234,000');
    expect(formatKrw(0)).toBe('₩0');
    expect(formatKrw(9_999_999_999)).toBe('₩9,999,999,999');
    expect(formatCount(12500)).toBe('12,500');
  });
});

describe('dates', () => {
  it('shows yyyy-MM-dd in Korea time', () => {
    expect(formatDate('2026-11-24T20:00:00Z')).toBe('2026-11-25');
    expect(formatDateTime('2026-11-24T20:05:00Z')).toBe('2026-11-25 05:05');
    expect(formatCompactDate('20291231')).toBe('2029-12-31');
  });

  it("knows Korea's date from an instant", () => {
    expect(koreaToday(new Date('2026-11-24T15:30:00Z'))).toBe('20261125');
  });
});

describe('expiry', () => {
  it('counts the days left, valid through the expiry day', () => {
    expect(describeExpiry('20261204', '20261124')).toMatchObject({ date: '2026-12-04', daysLeft: 10, expired: false, label: 'expires in 10 days' });
    expect(describeExpiry('20261124', '20261124')).toMatchObject({ expired: false, label: 'expires today' });
    expect(describeExpiry('20261125', '20261124').label).toBe('expires in 1 day');
  });

  it('says how long ago an expired card expired', () => {
    expect(describeExpiry('20261121', '20261124')).toMatchObject({ daysLeft: -3, expired: true, label: 'expired 3 days ago' });
  });
});

import { describe, expect, it } from 'vitest';
import { checkComment } from './comment';
import { checkViewName } from './saved-views';
import { parseWeekdays, parseWorkingHours } from './settings-schema';
import { addKstMonths, isWorkingTime, kstDay, kstDayStart, kstDaysBetween, windowStart } from './time';
import { FINDING_STATUS_TRANSITIONS, isAllowedTransition, mayManageReview } from '@/lib/domain/review';

describe('review time arithmetic', () => {
  it('aligns windows on the epoch and days on Korea-time midnight', () => {
    expect(windowStart(new Date('2026-03-10T03:17:42Z'), 10 * 60_000).toISOString()).toBe('2026-03-10T03:10:00.000Z');
    expect(windowStart(new Date('2026-03-10T03:17:42Z'), 3_600_000).toISOString()).toBe('2026-03-10T03:00:00.000Z');
    // 23:30 UTC on the 9th is 08:30 on the 10th in Korea.
    expect(kstDay(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(kstDayStart(new Date('2026-03-09T23:30:00Z')).toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(kstDayStart(new Date('2026-03-09T15:00:00Z')).toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(kstDaysBetween(new Date('2026-02-27T15:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(kstDaysBetween(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toEqual([]);
  });

  it('knows working hours and days in Korea time', () => {
    const hours = parseWorkingHours('08:00-20:00')!;
    const days = parseWeekdays('Mon-Sat')!;
    const at = (kst: string) => isWorkingTime(new Date(`${kst}+09:00`), hours, days);
    expect(at('2026-03-16T08:00:00')).toBe(true); // Monday
    expect(at('2026-03-16T07:59:59')).toBe(false);
    expect(at('2026-03-16T19:59:59')).toBe(true);
    expect(at('2026-03-16T20:00:00')).toBe(false);
    expect(at('2026-03-21T12:00:00')).toBe(true); // Saturday
    expect(at('2026-03-22T12:00:00')).toBe(false); // Sunday
  });

  it('adds calendar months in Korea time, the 31st becoming the month’s last day', () => {
    expect(addKstMonths(new Date('2026-06-01T03:00:00Z'), 6).toISOString()).toBe('2026-12-01T03:00:00.000Z');
    // 31 August 10:00 in Korea → 28 February 10:00.
    expect(addKstMonths(new Date('2026-08-31T01:00:00Z'), 6).toISOString()).toBe('2027-02-28T01:00:00.000Z');
    // 31 August 02:00 in Korea is still the 30th in UTC: the month end is Korea's.
    expect(addKstMonths(new Date('2026-08-30T17:00:00Z'), 6).toISOString()).toBe('2027-02-27T17:00:00.000Z');
    expect(addKstMonths(new Date('2027-08-31T01:00:00Z'), 6).toISOString()).toBe('2028-02-29T01:00:00.000Z');
  });
});

describe('review settings and input', () => {
  it('reads working hours and weekdays, refusing what it cannot read', () => {
    expect(parseWorkingHours('08:00-20:00')).toEqual({ startMinute: 480, endMinute: 1200, text: '08:00-20:00' });
    expect(parseWorkingHours('00:00-24:00')).toEqual({ startMinute: 0, endMinute: 1440, text: '00:00-24:00' });
    for (const bad of ['20:00-08:00', '8:00-20:00', '08:00-24:30', '08:00', '08:00-08:00', '25:00-26:00']) expect(parseWorkingHours(bad)).toBeUndefined();
    expect(parseWeekdays('Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('sat,Mon-wed, SUN')).toEqual([1, 2, 3, 6, 7]);
    for (const bad of ['', 'Fri-Mon', 'Monday', 'Mon-Tue-Wed', 'Mon,,Tue']) expect(parseWeekdays(bad)).toBeUndefined();
  });

  it('checks comments and view names: refused, never cleaned', () => {
    expect(checkComment('  Looked at it.\r\nAll fine.  ')).toEqual({ ok: true, comment: 'Looked at it.\nAll fine.' });
    expect(checkComment(' \n ')).toEqual({ ok: false, problem: 'comment-empty' });
    expect(checkComment('a\u0007b')).toEqual({ ok: false, problem: 'comment-hidden-characters' });
    expect(checkComment('가'.repeat(2000))).toMatchObject({ ok: true });
    expect(checkComment('가'.repeat(2001))).toEqual({ ok: false, problem: 'comment-too-long' });
    expect(checkViewName(' Failures ')).toEqual({ ok: true, name: 'Failures' });
    expect(checkViewName('tab\there')).toEqual({ ok: false, problem: 'name-hidden-characters' });
    expect(checkViewName('😀'.repeat(80))).toMatchObject({ ok: true });
    expect(checkViewName('😀'.repeat(81))).toEqual({ ok: false, problem: 'name-too-long' });
  });

  it('lets management move findings along the allowed transitions', () => {
    expect(isAllowedTransition('open', 'acknowledged')).toBe(true);
    expect(isAllowedTransition('open', 'resolved')).toBe(true);
    expect(isAllowedTransition('resolved', 'acknowledged')).toBe(false);
    expect(isAllowedTransition('acknowledged', 'acknowledged')).toBe(false);
    expect(Object.keys(FINDING_STATUS_TRANSITIONS)).toEqual(['open', 'acknowledged', 'resolved']);
    expect(mayManageReview(['manager'])).toBe(true);
    expect(mayManageReview(['agent', 'admin'])).toBe(true);
    expect(mayManageReview(['qa', 'agent'])).toBe(false);
  });
});

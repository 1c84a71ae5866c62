import { z } from 'zod';
import { WEEKDAY_NAMES } from '@/lib/domain/review';

/**
 * The zod pieces of the FINDINGS_* settings that lib/env.ts validates (pure: no server imports,
 * so lib/env.ts and the tests share them).
 */

/** Working hours in Korea time, `[start, end)` in minutes after midnight. */
export interface WorkingHours {
  startMinute: number;
  endMinute: number;
  /** As configured, e.g. `08:00-20:00`. */
  text: string;
}

const CLOCK_RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

export function parseWorkingHours(text: string): WorkingHours | undefined {
  const match = CLOCK_RANGE.exec(text.trim());
  if (!match) return undefined;
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (endMinute > 24 * 60 || endMinute <= startMinute) return undefined;
  return { startMinute, endMinute, text: text.trim() };
}

export const workingHoursSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const hours = parseWorkingHours(text);
      if (!hours) {
        ctx.addIssue({ code: 'custom', message: 'expected a Korea-time range HH:MM-HH:MM with the start before the end, e.g. 08:00-20:00' });
        return z.NEVER;
      }
      return hours;
    });

/**
 * ISO weekdays (1 = Monday … 7 = Sunday) from `Mon-Sat`, `Mon,Wed,Fri` or `Mon-Fri,Sun` (names
 * in any case), sorted; undefined when malformed.
 */
export function parseWeekdays(text: string): number[] | undefined {
  const index = (name: string) => WEEKDAY_NAMES.findIndex((day) => day.toLowerCase() === name.trim().toLowerCase()) + 1;
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [first, last, extra] = part.split('-');
    if (extra !== undefined || first === undefined) return undefined;
    const from = index(first);
    const to = last === undefined ? from : index(last);
    if (from === 0 || to === 0 || to < from) return undefined;
    for (let day = from; day <= to; day++) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

export const weekdaysSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const days = parseWeekdays(text);
      if (!days) {
        ctx.addIssue({ code: 'custom', message: 'expected weekdays such as Mon-Sat or Mon,Tue,Wed (Mon Tue Wed Thu Fri Sat Sun, ranges from Monday on)' });
        return z.NEVER;
      }
      return days;
    });

/** A window of whole minutes, at most a day (windows are aligned on the clock: 10 → :00, :10, …). */
export const windowMinutesSetting = (fallback: number) =>
  z.coerce
    .number()
    .int('expected a whole number of minutes')
    .min(1, 'expected between 1 and 1440 minutes')
    .max(1440, 'expected between 1 and 1440 minutes')
    .default(fallback);

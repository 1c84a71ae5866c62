import type { WorkingHours } from './settings-schema';

/**
 * Time arithmetic of the review module: windows aligned on the epoch (so a window of 10 minutes
 * is :00–:10, :10–:20… in UTC and in Korea time alike), and Korea-time days. Korea has kept
 * UTC+9 without daylight saving since 1988: a fixed offset, no time-zone database needed.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const KST_OFFSET_MS = 9 * HOUR_MS;

/** The start of the `windowMs` window holding `date`, windows aligned on the epoch (what SQL's date_bin(…, 'epoch') gives). */
export function windowStart(date: Date, windowMs: number): Date {
  return new Date(Math.floor(date.getTime() / windowMs) * windowMs);
}

/** The instant of Korea-time midnight starting the day of `date`. */
export function kstDayStart(date: Date): Date {
  return new Date(Math.floor((date.getTime() + KST_OFFSET_MS) / DAY_MS) * DAY_MS - KST_OFFSET_MS);
}

/** `YYYY-MM-DD` of `date` in Korea time. */
export function kstDay(date: Date): string {
  return new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Korea-time midnight starting `day` (`YYYY-MM-DD`). */
export function kstDayStartOf(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** Every Korea-time day that [from, to) touches, oldest first. */
export function kstDaysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  if (from >= to) return days;
  for (let start = kstDayStart(from); start < to; start = new Date(start.getTime() + DAY_MS)) days.push(kstDay(start));
  return days;
}

/** Minutes after Korea-time midnight and ISO weekday (1 = Monday … 7 = Sunday) of `date`. */
export function kstClock(date: Date): { minute: number; weekday: number } {
  const local = new Date(date.getTime() + KST_OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return { minute: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday };
}

/** Within the working hours, on a working day, in Korea time. */
export function isWorkingTime(date: Date, hours: WorkingHours, days: readonly number[]): boolean {
  const { minute, weekday } = kstClock(date);
  return days.includes(weekday) && minute >= hours.startMinute && minute < hours.endMinute;
}

/**
 * `months` calendar months after `date`, in Korea time (the same wall-clock time; the 31st of a
 * shorter month becomes its last day).
 */
export function addKstMonths(date: Date, months: number): Date {
  const local = new Date(date.getTime() + KST_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(local);
  shifted.setUTCFullYear(year, month, Math.min(local.getUTCDate(), lastDay));
  return new Date(shifted.getTime() - KST_OFFSET_MS);
}

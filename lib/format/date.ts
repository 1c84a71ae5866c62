/**
 * Dates as operators read them: yyyy-MM-dd, in Korea time (the card programme's zone),
 * whatever the server's or the browser's zone is.
 */
const ZONE = 'Asia/Seoul';

const dateParts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function formatDate(at: Date | string): string {
  return dateParts.format(new Date(at));
}

export function formatDateTime(at: Date | string): string {
  const date = new Date(at);
  return `${dateParts.format(date)} ${timeParts.format(date)}`;
}

/** Konaplate's `yyyyMMdd` as `yyyy-MM-dd`; anything else unchanged. */
export function formatCompactDate(yyyymmdd: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : yyyymmdd;
}

/**
 * Card applications and their delivery, on the sandbox's clock. The vendor documents the
 * statuses only; how and when an application moves between them is this sandbox's choice
 * (see README, "Card applications and delivery").
 */

export const DELIVERY_STATUSES = [
  'READY',
  'RECEIPT',
  'PRE_SHIPPING',
  'SHIPPING',
  'ARRIVAL',
  'LOST',
  'RETURN',
  'CANCEL',
  'ETC',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The path a delivery follows by itself, one step per `deliveryStepMinutes` of sandbox time. */
export const DELIVERY_FLOW = ['READY', 'RECEIPT', 'PRE_SHIPPING', 'SHIPPING', 'ARRIVAL'] as const satisfies readonly DeliveryStatus[];

/** The statuses QA may set by hand: CANCEL comes only from the cancellation endpoint. */
export const SETTABLE_DELIVERY_STATUSES = DELIVERY_STATUSES.filter(
  (status): status is Exclude<DeliveryStatus, 'CANCEL'> => status !== 'CANCEL',
);

/** Before the card leaves for the courier: the only delivery statuses a cancellation accepts. */
export const CANCELABLE_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['READY', 'RECEIPT'];

const KST_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

/** yyyyMMdd of `at` as a calendar day in Korea (UTC+9, no daylight saving). */
export function kstDate(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** 10:00 KST on a yyyyMMdd day: when a fixture application dated by its day was made. */
export function kstMorningOf(yyyyMMdd: string): Date {
  const iso = `${yyyyMMdd.slice(0, 4)}-${yyyyMMdd.slice(4, 6)}-${yyyyMMdd.slice(6, 8)}T10:00:00+09:00`;
  return new Date(iso);
}

/** The day inside an application number (`AP` + yyMMdd + 14), as yyyyMMdd; undefined when it is no real day. */
export function applyNoDate(cardApplyNo: string): string | undefined {
  const match = /^AP(\d{2})(\d{2})(\d{2})/.exec(cardApplyNo);
  if (!match) return undefined;
  const day = `20${match[1]}${match[2]}${match[3]}`;
  const parsed = kstMorningOf(day);
  return !Number.isNaN(parsed.getTime()) && kstDate(parsed) === day ? day : undefined;
}

/** Where the delivery flow stands `elapsedMs` after the application. */
export function flowStatus(elapsedMs: number, stepMs: number): DeliveryStatus {
  const steps = Math.max(0, Math.floor(elapsedMs / stepMs));
  return DELIVERY_FLOW[Math.min(steps, DELIVERY_FLOW.length - 1)] ?? 'READY';
}

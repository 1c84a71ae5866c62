/**
 * Why an operator changes a card's state: asked for on every suspension, resumption,
 * reissuance and cancellation, kept with its audit event (`requestSummary.reason`, and
 * `reasonText` for "other") and shown on the card's timeline. The platform is not told: it
 * knows only SUSPEND and RESUME. Browser-safe; the words are the messages `cards.statusChangeReasons.*`.
 */
export const STATUS_CHANGE_REASONS = ['lost', 'stolen', 'damaged', 'memberRequest', 'suspectedFraud', 'other'] as const;
export type StatusChangeReason = (typeof STATUS_CHANGE_REASONS)[number];

export const isStatusChangeReason = (value: unknown): value is StatusChangeReason =>
  typeof value === 'string' && (STATUS_CHANGE_REASONS as readonly string[]).includes(value);

/** "Other" needs the operator's own words; the rest stand alone. */
export const REASON_TEXT_MAX = 200;

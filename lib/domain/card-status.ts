/**
 * Konaplate's card state codes in words, each with a tone that says at a glance whether
 * the card works: normal, suspended, deleted, or neutral information.
 */
export type StatusTone = 'normal' | 'suspended' | 'deleted' | 'info';

export interface DecodedStatus {
  /** Which field, for the tooltip: e.g. "cardBizStatus". */
  field: string;
  code: string;
  label: string;
  tone: StatusTone;
}

const LIFE: Record<string, [string, StatusTone]> = {
  '30': ['Stopped', 'suspended'],
  '60': ['Active', 'normal'],
  '90': ['Deleted', 'deleted'],
};

const BUSINESS: Record<string, [string, StatusTone]> = {
  '31': ['Suspended: lost', 'suspended'],
  '35': ['Suspended: expired', 'suspended'],
  '36': ['Suspended before receipt', 'suspended'],
  '3A': ['Suspended: reissued', 'suspended'],
  '60': ['Normal', 'normal'],
  '61': ['Lost report released', 'normal'],
};

const CARD: Record<string, [string, StatusTone]> = {
  ACTIVE: ['Active', 'normal'],
  SUSPENDED: ['Suspended', 'suspended'],
};

function decode(table: Record<string, [string, StatusTone]>, field: string, code: string): DecodedStatus {
  const [label, tone] = table[code] ?? [`Unknown (${code})`, 'info'];
  return { field, code, label, tone };
}

export const decodeLifeStatus = (code: string) => decode(LIFE, 'cardLifeStatus', code);
export const decodeBizStatus = (code: string) => decode(BUSINESS, 'cardBizStatus', code);
export const decodeMobileStatus = (code: string) => decode(CARD, 'mobileCardStatus', code);
export const decodePhysicalStatus = (code: string) => decode(CARD, 'physicalCardStatus', code);

/** Konaplate does not say a card's type; only debit cards carry limits and a linked account. */
export function cardProductType(card: { limits?: unknown; bankInfo?: unknown }): 'debit' | 'prepaid' {
  return card.limits !== undefined || card.bankInfo !== undefined ? 'debit' : 'prepaid';
}

/**
 * The room left for top-ups, as Konaplate computes it: the named or unnamed maximum,
 * minus the balance (never below zero).
 */
export function rechargeableExplained(card: {
  isNamed: boolean;
  balance: number;
  maxRealNameRechargeAmount: number;
  maxNonRealNameRechargeAmount: number;
}): { maximum: number; basis: 'named' | 'unnamed'; room: number } {
  const maximum = card.isNamed ? card.maxRealNameRechargeAmount : card.maxNonRealNameRechargeAmount;
  return { maximum, basis: card.isNamed ? 'named' : 'unnamed', room: Math.max(0, maximum - card.balance) };
}

import { can, type Role } from './permissions';

/**
 * Konaplate's card state codes in words, each with a tone that says at a glance whether
 * the card works: normal, suspended, deleted, or neutral information. The one status table:
 * the card list and detail, reissue availability, timelines and the audit trail read it.
 */

export type StatusTone = 'normal' | 'suspended' | 'deleted' | 'info';

const NOT_LOST = 'only a card reported lost can be replaced; report it lost first.';

export interface DecodedStatus {
  /** Which field, for the tooltip: e.g. "cardBizStatus". */
  field: string;
  code: string;
  label: string;
  tone: StatusTone;
}

interface StatusWords {
  label: string;
  tone: StatusTone;
}

const LIFE: Record<string, StatusWords> = {
  '30': { label: 'Stopped', tone: 'suspended' },
  '60': { label: 'Active', tone: 'normal' },
  '90': { label: 'Deleted', tone: 'deleted' },
};

/** Business statuses, each with why a reissue is or is not offered for a card in it. */
const BUSINESS: Record<string, StatusWords & { reissue: string; reissuable?: true }> = {
  '31': { label: 'Suspended: lost', tone: 'suspended', reissue: 'the card is suspended as lost.', reissuable: true },
  '35': {
    label: 'Suspended: expired',
    tone: 'suspended',
    reissue: 'the card is suspended as expired; an expired card is renewed, not reissued.',
  },
  '36': {
    label: 'Suspended before receipt',
    tone: 'suspended',
    reissue: 'the card is suspended before receipt; it has not reached the member yet.',
  },
  '3A': { label: 'Suspended: reissued', tone: 'suspended', reissue: 'the card has already been reissued.' },
  '60': { label: 'Normal', tone: 'normal', reissue: NOT_LOST },
  '61': { label: 'Lost report released', tone: 'normal', reissue: 'the lost report was released: the card is in use again.' },
};

const CARD: Record<string, StatusWords> = {
  ACTIVE: { label: 'Active', tone: 'normal' },
  SUSPENDED: { label: 'Suspended', tone: 'suspended' },
};

function decode(table: Record<string, StatusWords>, field: string, code: string): DecodedStatus {
  const { label, tone } = table[code] ?? { label: `Unknown (${code})`, tone: 'info' };
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

export type ReissueAvailability = { offered: boolean; reason: string };

/**
 * Konaplate replaces only a registered card suspended as lost (cardBizStatus 31); the
 * console offers reissuance only then, and says why not otherwise.
 */
export function reissueAvailability(
  card: { cardLifeStatus: string; cardBizStatus: string } | undefined,
  roles: readonly Role[],
): ReissueAvailability {
  if (!can(roles, 'cards.reissue')) return { offered: false, reason: 'your role does not reissue cards.' };
  if (!card) return { offered: false, reason: 'this card is not among the member’s cards.' };
  if (card.cardLifeStatus === '90') return { offered: false, reason: 'the card is deleted.' };
  const status = BUSINESS[card.cardBizStatus];
  return { offered: status?.reissuable === true, reason: status?.reissue ?? NOT_LOST };
}

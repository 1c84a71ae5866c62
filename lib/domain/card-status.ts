import type cardWords from '@/lib/i18n/messages/en/cards.json';
import { can, type Role } from './permissions';

/**
 * Konaplate's card state codes, each with a tone that says at a glance whether the card
 * works: normal, suspended, deleted, or neutral information. The one status table: the card
 * list and detail, reissue availability, timelines and the audit trail read it. The words are
 * in the messages (`cards.status.<field>.<code>`); this table's codes are exactly theirs.
 */

export type StatusTone = 'normal' | 'suspended' | 'deleted' | 'info';

type StatusWords = (typeof cardWords)['status'];
export type StatusField = 'cardLifeStatus' | 'cardBizStatus' | 'mobileCardStatus' | 'physicalCardStatus';
type CodeOf<F extends StatusField> = keyof StatusWords[F] & string;

/** A status's words in the `cards` messages, e.g. `status.cardBizStatus.31`. */
export type StatusWordsKey = { [F in StatusField]: `status.${F}.${CodeOf<F>}` }[StatusField];

export interface DecodedStatus {
  /** Which field, shown with the raw code: e.g. "cardBizStatus". */
  field: StatusField;
  code: string;
  tone: StatusTone;
  /** Absent for a code the console does not know: it is shown as such, not guessed. */
  words?: StatusWordsKey;
}

/** Why a reissue is or is not offered: the words are `cards.reissueReason.<reason>`. */
export type ReissueReason = keyof (typeof cardWords)['reissueReason'];

const LIFE = { '30': 'suspended', '60': 'normal', '90': 'deleted' } as const satisfies Record<CodeOf<'cardLifeStatus'>, StatusTone>;

/** Business statuses, each with why a reissue is or is not offered for a card in it. */
const BUSINESS = {
  '31': { tone: 'suspended', reissue: 'lost', reissuable: true },
  '35': { tone: 'suspended', reissue: 'expired' },
  '36': { tone: 'suspended', reissue: 'beforeReceipt' },
  '3A': { tone: 'suspended', reissue: 'reissued' },
  '60': { tone: 'normal', reissue: 'notLost' },
  '61': { tone: 'normal', reissue: 'released' },
} as const satisfies Record<CodeOf<'cardBizStatus'>, { tone: StatusTone; reissue: ReissueReason; reissuable?: true }>;

const CARD = { ACTIVE: 'normal', SUSPENDED: 'suspended' } as const satisfies Record<CodeOf<'mobileCardStatus' | 'physicalCardStatus'>, StatusTone>;

/** A table's entry for a code as Konaplate sent it (never one of Object's own properties). */
function entry<T>(table: Readonly<Record<string, T>>, code: string): T | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

function decode(field: StatusField, code: string, tone: StatusTone | undefined): DecodedStatus {
  if (!tone) return { field, code, tone: 'info' };
  // The tables are typed against the messages: a code they hold has words under its field.
  return { field, code, tone, words: `status.${field}.${code}` as StatusWordsKey };
}

export const decodeLifeStatus = (code: string) => decode('cardLifeStatus', code, entry(LIFE, code));
export const decodeBizStatus = (code: string) => decode('cardBizStatus', code, entry(BUSINESS, code)?.tone);
export const decodeMobileStatus = (code: string) => decode('mobileCardStatus', code, entry(CARD, code));
export const decodePhysicalStatus = (code: string) => decode('physicalCardStatus', code, entry(CARD, code));

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

export type ReissueAvailability = { offered: boolean; reason: ReissueReason };

/**
 * Konaplate replaces only a registered card suspended as lost (cardBizStatus 31); the
 * console offers reissuance only then, and says why not otherwise.
 */
export function reissueAvailability(
  card: { cardLifeStatus: string; cardBizStatus: string } | undefined,
  roles: readonly Role[],
): ReissueAvailability {
  if (!can(roles, 'cards.reissue')) return { offered: false, reason: 'role' };
  if (!card) return { offered: false, reason: 'notHeld' };
  if (card.cardLifeStatus === '90') return { offered: false, reason: 'deleted' };
  const status: { reissue: ReissueReason; reissuable?: true } | undefined = entry(BUSINESS, card.cardBizStatus);
  return { offered: status?.reissuable === true, reason: status?.reissue ?? 'notLost' };
}

/** Which state changes the console offers for a card: the platform decides, the console does not offer what it would refuse. */
export interface CardStateActions {
  /** Suspend (a lost report): from a working card, or one waiting for its physical card. */
  suspend: boolean;
  /** Release the lost report. */
  resume: boolean;
  /** Cancel the card's application: while its card has not shipped (Konaplate checks the day and the mobile card's use). */
  cancel: boolean;
}

export function cardStateActions(
  card: { cardLifeStatus: string; cardBizStatus: string; cardApplyNo?: string },
  delivery: string | undefined,
  roles: readonly Role[],
): CardStateActions {
  const changes = can(roles, 'cards.changeStatus') && card.cardLifeStatus !== '90';
  const notShipped = delivery === undefined || delivery === 'READY' || delivery === 'RECEIPT';
  return {
    suspend: changes && card.cardLifeStatus === '60' && ['60', '61', '36'].includes(card.cardBizStatus),
    resume: changes && card.cardBizStatus === '31',
    cancel: can(roles, 'cards.cancelApplication') && card.cardLifeStatus !== '90' && card.cardBizStatus !== '3A' && !!card.cardApplyNo && notShipped,
  };
}

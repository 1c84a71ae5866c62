import type { CardDeliveryStatus, MemberCard } from './cards';

/**
 * One verdict per card, in words before the four status chips: what an agent would otherwise
 * work out from the ledger, business, mobile and physical states (and, where known, the
 * delivery and the console's own history). Pure and browser-safe; the words are the messages
 * `cards.verdict.<kind>`.
 */
export type CardVerdict =
  | { kind: 'works'; tone: 'normal' }
  /** Suspended as lost (31): the one state Konaplate replaces a card from. `since`: ISO time of the console's suspension, when it was the console's. */
  | { kind: 'suspendedLost'; tone: 'suspended'; since?: string }
  /** The physical card is not received yet; `delivery` where it is, when asked. */
  | { kind: 'onItsWay'; tone: 'info'; delivery?: 'READY' | 'RECEIPT' | 'PRE_SHIPPING' | 'SHIPPING' }
  | { kind: 'deliveryProblem'; tone: 'suspended'; delivery: 'LOST' | 'RETURN' | 'ETC' }
  | { kind: 'expired'; tone: 'deleted' }
  /** Reissued (3A); `byLastDigits` names the replacement, when the console knows it. */
  | { kind: 'replaced'; tone: 'deleted'; byLastDigits?: string }
  | { kind: 'terminated'; tone: 'deleted' }
  /** Any other combination of states: the chips say which. */
  | { kind: 'suspended'; tone: 'suspended' };

export type CardVerdictKind = CardVerdict['kind'];

export interface VerdictContext {
  /** Today in Korea, yyyyMMdd (expiry dates are calendar days there). */
  today: string;
  /** The delivery status of the card's application, when it was asked. */
  delivery?: CardDeliveryStatus;
  /** When the console suspended it (ISO), from the audit trail. */
  suspendedAt?: string;
  /** The masked number of the card that replaced it, from the audit trail and the card list. */
  replacedBy?: string;
}

type CardStates = Pick<MemberCard, 'cardLifeStatus' | 'cardBizStatus' | 'mobileCardStatus' | 'physicalCardStatus' | 'expiryDate'>;

const IN_TRANSIT = ['READY', 'RECEIPT', 'PRE_SHIPPING', 'SHIPPING'] as const;
const DELIVERY_PROBLEMS = ['LOST', 'RETURN', 'ETC'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

export function cardVerdict(card: CardStates, context: VerdictContext): CardVerdict {
  // The ledger first: a terminated or replaced card is that, whatever else it says.
  if (card.cardLifeStatus === '90') return { kind: 'terminated', tone: 'deleted' };
  if (card.cardBizStatus === '3A') {
    const byLastDigits = context.replacedBy?.replace(/\D/g, '').slice(-4) || undefined;
    return byLastDigits ? { kind: 'replaced', tone: 'deleted', byLastDigits } : { kind: 'replaced', tone: 'deleted' };
  }
  if (card.cardBizStatus === '35' || card.expiryDate < context.today) return { kind: 'expired', tone: 'deleted' };
  if (card.cardBizStatus === '31') {
    return context.suspendedAt ? { kind: 'suspendedLost', tone: 'suspended', since: context.suspendedAt } : { kind: 'suspendedLost', tone: 'suspended' };
  }
  const usable = card.cardLifeStatus === '60' && card.mobileCardStatus === 'ACTIVE';
  const awaitingPhysical = card.cardBizStatus === '36' || (usable && card.physicalCardStatus === 'SUSPENDED');
  if (awaitingPhysical && isOneOf(DELIVERY_PROBLEMS, context.delivery)) return { kind: 'deliveryProblem', tone: 'suspended', delivery: context.delivery };
  if (awaitingPhysical && context.delivery !== 'ARRIVAL' && context.delivery !== 'CANCEL') {
    return isOneOf(IN_TRANSIT, context.delivery) ? { kind: 'onItsWay', tone: 'info', delivery: context.delivery } : { kind: 'onItsWay', tone: 'info' };
  }
  if (usable && card.physicalCardStatus !== 'SUSPENDED' && (card.cardBizStatus === '60' || card.cardBizStatus === '61')) return { kind: 'works', tone: 'normal' };
  return { kind: 'suspended', tone: 'suspended' };
}

/** The verdict's message values: `since` stays ISO, for the reader's date format. */
export function verdictValues(verdict: CardVerdict): Record<string, string> {
  switch (verdict.kind) {
    case 'suspendedLost':
      return { since: verdict.since ?? 'none' };
    case 'onItsWay':
      return { delivery: verdict.delivery ?? 'unknown' };
    case 'deliveryProblem':
      return { delivery: verdict.delivery };
    case 'replaced':
      return { lastDigits: verdict.byLastDigits ?? 'none' };
    default:
      return {};
  }
}

import { can, type Role } from '@/lib/domain/permissions';

/** The card fields the reissue rule reads (a MemberCard has them). */
export interface ReissueCandidate {
  cardLifeStatus: string;
  cardBizStatus: string;
}

export type ReissueAvailability = { offered: true; reason: string } | { offered: false; reason: string };

/**
 * Konaplate replaces only a registered card suspended as lost (cardBizStatus 31); the
 * console offers reissuance only then, and says why not otherwise.
 */
export function reissueAvailability(card: ReissueCandidate | undefined, roles: readonly Role[]): ReissueAvailability {
  if (!can(roles, 'cards.reissue')) return { offered: false, reason: 'your role does not reissue cards.' };
  if (!card) return { offered: false, reason: 'this card is not among the member’s cards.' };
  if (card.cardLifeStatus === '90') return { offered: false, reason: 'the card is deleted.' };
  switch (card.cardBizStatus) {
    case '31':
      return { offered: true, reason: 'the card is suspended as lost.' };
    case '3A':
      return { offered: false, reason: 'the card has already been reissued.' };
    case '61':
      return { offered: false, reason: 'the lost report was released: the card is in use again.' };
    case '35':
      return { offered: false, reason: 'the card is suspended as expired; an expired card is renewed, not reissued.' };
    case '36':
      return { offered: false, reason: 'the card is suspended before receipt; it has not reached the member yet.' };
    default:
      return { offered: false, reason: 'only a card reported lost can be replaced; report it lost first.' };
  }
}

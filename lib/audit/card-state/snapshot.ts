import { createHash } from 'node:crypto';
import { CARD_STATE_FIELDS, type CardStateSnapshot, type StateChange } from '@/lib/domain/audit';
import type { MemberCard } from '@/lib/domain/cards';
import { canonicalJson } from '../chain';

/** The tracked state of a card; amounts as decimal strings (never floats). */
export function cardStateOf(card: MemberCard): Required<CardStateSnapshot> {
  return {
    lifeStatus: card.cardLifeStatus,
    bizStatus: card.cardBizStatus,
    mobileStatus: card.mobileCardStatus ?? null,
    physicalStatus: card.physicalCardStatus ?? null,
    balance: String(card.balance),
    pendingAmount: String(card.pendingAmount),
    expiryDate: card.expiryDate,
  };
}

/** Identifies a state whatever fields it leaves out: a missing field hashes as null. */
export function cardStateHash(state: CardStateSnapshot): string {
  const normalised = Object.fromEntries(CARD_STATE_FIELDS.map((field) => [field, state[field] ?? null]));
  return createHash('sha256').update(canonicalJson(normalised)).digest('hex');
}

/** Fields that differ between two observations (every non-null field when there is no previous one). */
export function diffCardStates(previous: CardStateSnapshot | null, next: CardStateSnapshot): StateChange[] {
  return CARD_STATE_FIELDS.filter((field) => (previous?.[field] ?? null) !== (next[field] ?? null)).map((field) => ({
    field,
    from: previous?.[field] ?? null,
    to: next[field] ?? null,
  }));
}

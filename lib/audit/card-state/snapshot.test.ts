import { describe, expect, it } from 'vitest';
import type { MemberCard } from '@/lib/domain/cards';
import { cardStateHash, cardStateOf, diffCardStates } from './snapshot';

describe('card-state snapshot', () => {
  it('tracks the state fields of a card, amounts as decimal text', () => {
    const card = {
      par: 'PAR1',
      cardLifeStatus: '60',
      cardBizStatus: '3A',
      mobileCardStatus: 'ACTIVE',
      balance: 2_000_000,
      pendingAmount: 0,
      expiryDate: '20301231',
    } as MemberCard;
    expect(cardStateOf(card)).toEqual({
      lifeStatus: '60',
      bizStatus: '3A',
      mobileStatus: 'ACTIVE',
      physicalStatus: null,
      balance: '2000000',
      pendingAmount: '0',
      expiryDate: '20301231',
    });
  });

  it('hashes states as the rows already stored were hashed; a missing field counts as null', () => {
    const state = { lifeStatus: '60', bizStatus: '3A', mobileStatus: 'ACTIVE', physicalStatus: null, balance: '2000000', pendingAmount: '0', expiryDate: '20301231' };
    expect(cardStateHash(state)).toBe('d62eec86e317ce4cd6a9edba1609a794c1d33915f8b86847aa2a9fb65fd9be2d');
    expect(cardStateHash({ bizStatus: '31' })).toBe('b9d8c3f6e4cc31225dd89a8e44542ccad27c5d38667d42fbad0a383272bcbc01');
    const { physicalStatus, ...withoutPhysical } = state;
    expect(physicalStatus).toBeNull();
    expect(cardStateHash(withoutPhysical)).toBe(cardStateHash(state));
  });

  it('lists what changed, or on a first sighting every field that has a value', () => {
    expect(diffCardStates({ bizStatus: '31', balance: '5000' }, { bizStatus: '3A', balance: '5000' })).toEqual([{ field: 'bizStatus', from: '31', to: '3A' }]);
    expect(diffCardStates(null, { lifeStatus: '60', balance: '0', physicalStatus: null })).toEqual([
      { field: 'lifeStatus', from: null, to: '60' },
      { field: 'balance', from: null, to: '0' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { cardProductType, decodeBizStatus, decodeLifeStatus, decodeMobileStatus, rechargeableExplained, reissueAvailability } from './card-status';

describe('status decoding', () => {
  it.each([
    ['30', 'Stopped', 'suspended'],
    ['60', 'Active', 'normal'],
    ['90', 'Deleted', 'deleted'],
  ])('life status %s is %s (%s)', (code, label, tone) => {
    expect(decodeLifeStatus(code)).toEqual({ field: 'cardLifeStatus', code, label, tone });
  });

  it.each([
    ['31', 'Suspended: lost', 'suspended'],
    ['35', 'Suspended: expired', 'suspended'],
    ['36', 'Suspended before receipt', 'suspended'],
    ['3A', 'Suspended: reissued', 'suspended'],
    ['60', 'Normal', 'normal'],
    ['61', 'Lost report released', 'normal'],
  ])('business status %s is %s (%s)', (code, label, tone) => {
    expect(decodeBizStatus(code)).toMatchObject({ label, tone });
  });

  it('decodes mobile and physical card states', () => {
    expect(decodeMobileStatus('SUSPENDED')).toMatchObject({ label: 'Suspended', tone: 'suspended' });
  });

  it('shows an unknown code as such instead of guessing', () => {
    expect(decodeBizStatus('99')).toEqual({ field: 'cardBizStatus', code: '99', label: 'Unknown (99)', tone: 'info' });
  });
});

describe('card facts', () => {
  it('tells debit from prepaid by the debit-only fields', () => {
    expect(cardProductType({ limits: { day: 1, once: 1, month: 1 } })).toBe('debit');
    expect(cardProductType({})).toBe('prepaid');
  });

  it('explains the rechargeable amount like the reference example', () => {
    const card = { balance: 300000, maxNonRealNameRechargeAmount: 500000, maxRealNameRechargeAmount: 2000000 };
    expect(rechargeableExplained({ ...card, isNamed: false })).toEqual({ maximum: 500000, basis: 'unnamed', room: 200000 });
    expect(rechargeableExplained({ ...card, isNamed: true })).toEqual({ maximum: 2000000, basis: 'named', room: 1700000 });
    expect(rechargeableExplained({ ...card, balance: 600000, isNamed: false }).room).toBe(0);
  });
});

const card = (cardBizStatus: string, cardLifeStatus = '60') => ({ cardBizStatus, cardLifeStatus });

describe('reissueAvailability', () => {
  it('offers reissuance for a card suspended as lost, to agents and QA', () => {
    expect(reissueAvailability(card('31', '30'), ['agent'])).toEqual({ offered: true, reason: 'the card is suspended as lost.' });
    expect(reissueAvailability(card('31'), ['qa']).offered).toBe(true);
  });

  it('never offers it to managers or admins, who do not act on cards', () => {
    expect(reissueAvailability(card('31'), ['manager'])).toEqual({ offered: false, reason: 'your role does not reissue cards.' });
    expect(reissueAvailability(card('31'), ['admin']).offered).toBe(false);
  });

  it.each([
    ['60', '60', 'report it lost first'],
    ['3A', '30', 'already been reissued'],
    ['61', '60', 'lost report was released'],
    ['35', '30', 'expired'],
    ['36', '30', 'before receipt'],
    ['31', '90', 'deleted'],
  ])('says why not for business status %s (life %s)', (biz, life, why) => {
    const availability = reissueAvailability(card(biz, life), ['agent']);
    expect(availability.offered).toBe(false);
    expect(availability.reason).toContain(why);
  });

  it('refuses a card the member does not hold', () => {
    expect(reissueAvailability(undefined, ['agent']).offered).toBe(false);
  });
});

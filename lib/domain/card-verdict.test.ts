import { describe, expect, it } from 'vitest';
import { cardVerdict, verdictValues } from './card-verdict';

const today = '20261125';
const active = { cardLifeStatus: '60', cardBizStatus: '60', mobileCardStatus: 'ACTIVE', physicalCardStatus: 'ACTIVE', expiryDate: '20311130' } as const;

describe('a card’s verdict', () => {
  it('works: active ledger and business, mobile and physical cards active (or no physical card)', () => {
    expect(cardVerdict(active, { today }).kind).toBe('works');
    expect(cardVerdict({ ...active, physicalCardStatus: undefined }, { today }).kind).toBe('works');
    expect(cardVerdict({ ...active, cardBizStatus: '61' }, { today }).kind).toBe('works');
  });

  it('suspended as lost on a day, when the console suspended it: a replacement can be ordered', () => {
    const lost = { ...active, cardLifeStatus: '30', cardBizStatus: '31', mobileCardStatus: 'SUSPENDED', physicalCardStatus: 'SUSPENDED' } as const;
    expect(cardVerdict(lost, { today, suspendedAt: '2026-11-20T01:00:00.000Z' })).toEqual({ kind: 'suspendedLost', tone: 'suspended', since: '2026-11-20T01:00:00.000Z' });
    expect(verdictValues(cardVerdict(lost, { today }))).toEqual({ since: 'none' });
  });

  it('a new card on its way: the physical card not received yet, with its delivery step when asked', () => {
    const unreceived = { ...active, physicalCardStatus: 'SUSPENDED' } as const;
    expect(cardVerdict(unreceived, { today, delivery: 'SHIPPING' })).toEqual({ kind: 'onItsWay', tone: 'info', delivery: 'SHIPPING' });
    expect(verdictValues(cardVerdict(unreceived, { today }))).toEqual({ delivery: 'unknown' });
    expect(cardVerdict({ ...active, cardBizStatus: '36', mobileCardStatus: 'SUSPENDED', physicalCardStatus: 'SUSPENDED' }, { today, delivery: 'READY' }).kind).toBe('onItsWay');
    expect(cardVerdict(unreceived, { today, delivery: 'LOST' })).toEqual({ kind: 'deliveryProblem', tone: 'suspended', delivery: 'LOST' });
  });

  it('expired: by its business state or by its date', () => {
    expect(cardVerdict({ ...active, cardBizStatus: '35' }, { today }).kind).toBe('expired');
    expect(cardVerdict({ ...active, expiryDate: '20261124' }, { today }).kind).toBe('expired');
    expect(cardVerdict({ ...active, expiryDate: today }, { today }).kind).toBe('works');
  });

  it('replaced by the card ending in four digits, when the console knows which', () => {
    const reissued = { ...active, cardLifeStatus: '30', cardBizStatus: '3A', mobileCardStatus: 'SUSPENDED' } as const;
    expect(cardVerdict(reissued, { today, replacedBy: '949012******4242' })).toEqual({ kind: 'replaced', tone: 'deleted', byLastDigits: '4242' });
    expect(verdictValues(cardVerdict(reissued, { today }))).toEqual({ lastDigits: 'none' });
  });

  it('terminated before anything else; any other mix is "suspended"', () => {
    expect(cardVerdict({ ...active, cardLifeStatus: '90', cardBizStatus: '3A' }, { today }).kind).toBe('terminated');
    expect(cardVerdict({ ...active, mobileCardStatus: 'SUSPENDED' }, { today }).kind).toBe('suspended');
    expect(cardVerdict({ ...active, physicalCardStatus: 'SUSPENDED' }, { today, delivery: 'ARRIVAL' }).kind).toBe('suspended');
  });
});

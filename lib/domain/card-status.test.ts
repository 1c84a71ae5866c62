import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import {
  cardProductType,
  cardStateActions,
  decodeBizStatus,
  decodeLifeStatus,
  decodeMobileStatus,
  decodePhysicalStatus,
  rechargeableExplained,
  reissueAvailability,
  type DecodedStatus,
} from './card-status';

/** The words a status chip shows, in both languages. */
function words(status: DecodedStatus): { en: string; ko: string } {
  const say = (locale: 'en' | 'ko') => createTranslator({ locale, messages: { en, ko }[locale], namespace: 'cards' })(status.words!);
  return { en: say('en'), ko: say('ko') };
}

describe('status decoding', () => {
  it.each([
    ['30', 'Stopped', '정지', 'suspended'],
    ['60', 'Active', '활성화', 'normal'],
    ['90', 'Deleted', '삭제', 'deleted'],
  ])('life status %s is %s / %s (%s)', (code, english, korean, tone) => {
    const status = decodeLifeStatus(code);
    expect(status).toMatchObject({ field: 'cardLifeStatus', code, tone });
    expect(words(status)).toEqual({ en: english, ko: korean });
  });

  it.each([
    ['31', 'Suspended: lost', '분실로 인한 정지', 'suspended'],
    ['35', 'Suspended: expired', '유효기간 만료로 인한 중지', 'suspended'],
    ['36', 'Suspended before receipt', '수령 전 정지', 'suspended'],
    ['3A', 'Suspended: reissued', '재발급으로 인한 중지', 'suspended'],
    ['60', 'Normal', '정상', 'normal'],
    ['61', 'Lost report released', '분실 신고 해지', 'normal'],
  ])('business status %s is %s / %s (%s)', (code, english, korean, tone) => {
    const status = decodeBizStatus(code);
    expect(status).toMatchObject({ field: 'cardBizStatus', code, tone });
    expect(words(status)).toEqual({ en: english, ko: korean });
  });

  it('decodes mobile and physical card states', () => {
    expect(decodeMobileStatus('SUSPENDED')).toMatchObject({ field: 'mobileCardStatus', tone: 'suspended' });
    expect(words(decodeMobileStatus('SUSPENDED'))).toEqual({ en: 'Suspended', ko: '중지' });
    expect(words(decodePhysicalStatus('ACTIVE'))).toEqual({ en: 'Active', ko: '정상' });
  });

  it('shows an unknown code as such instead of guessing', () => {
    expect(decodeBizStatus('99')).toEqual({ field: 'cardBizStatus', code: '99', tone: 'info' });
    expect(decodeLifeStatus('toString')).toEqual({ field: 'cardLifeStatus', code: 'toString', tone: 'info' });
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
    expect(reissueAvailability(card('31', '30'), ['agent'])).toEqual({ offered: true, reason: 'lost' });
    expect(reissueAvailability(card('31'), ['qa']).offered).toBe(true);
  });

  it('never offers it to managers or admins, who do not act on cards', () => {
    expect(reissueAvailability(card('31'), ['manager'])).toEqual({ offered: false, reason: 'role' });
    expect(reissueAvailability(card('31'), ['admin']).offered).toBe(false);
  });

  it.each([
    ['60', '60', 'notLost', 'report it lost first'],
    ['3A', '30', 'reissued', 'already been reissued'],
    ['61', '60', 'released', 'lost report was released'],
    ['35', '30', 'expired', 'expired'],
    ['36', '30', 'beforeReceipt', 'before receipt'],
    ['31', '90', 'deleted', 'deleted'],
    ['99', '60', 'notLost', 'report it lost first'],
  ])('says why not for business status %s (life %s)', (biz, life, reason, why) => {
    const availability = reissueAvailability(card(biz, life), ['agent']);
    expect(availability).toEqual({ offered: false, reason });
    expect(en.cards.reissueReason[availability.reason]).toContain(why);
  });

  it('refuses a card the member does not hold', () => {
    expect(reissueAvailability(undefined, ['agent'])).toEqual({ offered: false, reason: 'notHeld' });
  });
});

describe('cardStateActions', () => {
  const active = { cardLifeStatus: '60', cardBizStatus: '60', cardApplyNo: 'AP250601MJ7KQ2TODAY0A1' };
  it('offers suspension of a working card and resumption of a lost one, to those who may change states', () => {
    expect(cardStateActions(active, 'ARRIVAL', ['agent'])).toEqual({ suspend: true, resume: false, cancel: false });
    expect(cardStateActions({ ...active, cardLifeStatus: '30', cardBizStatus: '31' }, 'ARRIVAL', ['qa'])).toEqual({ suspend: false, resume: true, cancel: false });
    expect(cardStateActions(active, 'READY', ['manager'])).toEqual({ suspend: false, resume: false, cancel: false });
  });

  it('offers cancellation while the card has not shipped, never for a terminated or replaced card', () => {
    expect(cardStateActions(active, 'RECEIPT', ['agent']).cancel).toBe(true);
    expect(cardStateActions(active, undefined, ['agent']).cancel).toBe(true);
    expect(cardStateActions(active, 'SHIPPING', ['agent']).cancel).toBe(false);
    expect(cardStateActions({ ...active, cardLifeStatus: '90' }, 'READY', ['agent'])).toEqual({ suspend: false, resume: false, cancel: false });
    expect(cardStateActions({ ...active, cardBizStatus: '3A', cardLifeStatus: '30' }, 'READY', ['agent']).cancel).toBe(false);
  });
});

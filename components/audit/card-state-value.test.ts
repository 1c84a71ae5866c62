import { describe, expect, it } from 'vitest';
import type { CardStateField } from '@/lib/domain/audit';
import { createTranslator } from 'next-intl';
import type { DecodedStatus } from '@/lib/domain/card-status';
import { localeFormat } from '@/lib/format/locale-format';
import cards from '@/lib/i18n/messages/en/cards.json';
import { describeCardStateValue as describeIn } from './card-state-value';

// The card list's words for a state (components/members/status-chip.tsx), in English.
const t = createTranslator({ locale: 'en', messages: { cards }, namespace: 'cards' });
const statusWords = (status: DecodedStatus) => (status.words ? t(status.words) : t('status.unknown', { code: status.code }));
const describeCardStateValue = (field: CardStateField, value: string | null | undefined) => describeIn(field, value, localeFormat('en'), statusWords);

describe('describeCardStateValue', () => {
  it('puts state codes in the card list’s words and keeps the code', () => {
    expect(describeCardStateValue('bizStatus', '3A')).toEqual({
      text: 'Suspended: reissued',
      code: '3A',
      status: { field: 'cardBizStatus', code: '3A', words: 'status.cardBizStatus.3A', tone: 'suspended' },
    });
    expect(describeCardStateValue('bizStatus', '31')).toMatchObject({ text: 'Suspended: lost', code: '31' });
    expect(describeCardStateValue('lifeStatus', '30')).toMatchObject({ text: 'Stopped', code: '30', status: { tone: 'suspended' } });
    expect(describeCardStateValue('mobileStatus', 'ACTIVE')).toMatchObject({ text: 'Active', status: { field: 'mobileCardStatus' } });
    expect(describeCardStateValue('physicalStatus', 'SUSPENDED')).toMatchObject({ text: 'Suspended', status: { field: 'physicalCardStatus' } });
    expect(describeCardStateValue('bizStatus', '99')).toMatchObject({ text: 'Unknown (99)', code: '99', status: { tone: 'info' } });
  });

  it('shows amounts in won and expiry dates as dates', () => {
    expect(describeCardStateValue('balance', '2000000')).toEqual({ text: '₩2,000,000', code: '2000000' });
    expect(describeCardStateValue('pendingAmount', '0')).toEqual({ text: '₩0', code: '0' });
    expect(describeCardStateValue('balance', '12.5')).toEqual({ text: '12.5', code: '12.5' });
    expect(describeCardStateValue('expiryDate', '20301231')).toEqual({ text: '2030-12-31', code: '20301231' });
  });

  it('writes won and dates the way the reader’s language does', () => {
    const korean = localeFormat('ko');
    expect(describeIn('balance', '2000000', korean, statusWords)).toEqual({ text: '₩2,000,000', code: '2000000' });
    expect(describeIn('expiryDate', '20301231', korean, statusWords)).toEqual({ text: '2030년 12월 31일', code: '20301231' });
  });

  it('shows a missing value as a dash, with no code', () => {
    expect(describeCardStateValue('physicalStatus', null)).toEqual({ text: '—', code: null });
    expect(describeCardStateValue('balance', undefined)).toEqual({ text: '—', code: null });
  });
});

import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { debitIssueFormSchema, prepaidIssueFormSchema, reissueFormSchema } from './card-requests';
import { addressSchema, cardNumberSchema, parSchema, serviceIdSchema, userIdSchema, zipCodeSchema } from './fields';
import { newOperatorSchema, signInSchema } from './operator';
import { hasHiddenCharacters } from './text';

const HIDDEN = { NUL: '\u0000', BEL: '\u0007', TAB: '\t', LF: '\n', DEL: '\u007f', C1: '\u0085', RLO: '\u202e', LRI: '\u2066', RLM: '\u200f', 'lone surrogate': '\ud800' };

const refuses = (schema: z.ZodMiniType, value: unknown) => expect(schema.safeParse(value).success).toBe(false);

describe('character rules', () => {
  it.each(Object.entries(HIDDEN))('finds %s hidden', (_name, character) => {
    expect(hasHiddenCharacters(`a${character}b`)).toBe(true);
  });

  it('lets ordinary text through, Hangul and emoji included', () => {
    expect(hasHiddenCharacters('서울특별시 중구 세종대로 110, 12층 (1201호) 😀')).toBe(false);
  });

  const fields: [string, z.ZodMiniType, string][] = [
    ['member id', userIdSchema, '9007199254740993123'],
    ['PAR', parSchema, 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV'],
    ['product id', serviceIdSchema, 'SVCPP0000000101'],
    ['card number', cardNumberSchema, '4111111111111111'],
    ['postal code', zipCodeSchema, '04524'],
  ];
  describe.each(fields)('%s', (_field, schema, good) => {
    it('accepts a good value', () => expect(schema.safeParse(good).success).toBe(true));
    it.each(Object.entries(HIDDEN))('refuses it with %s inside, at the start or at the end', (_name, character) => {
      for (const value of [`${good.slice(0, 3)}${character}${good.slice(3)}`, `${character}${good}`, `${good}${character}`]) refuses(schema, value);
    });
  });

  it.each([
    ['script tags', '<script>alert(1)</script>'],
    ['a NUL', '세종대로\u0000110'],
    ['a BEL', '세종대로\u0007110'],
    ['a right-to-left override', '세종대로 \u202e011'],
    ['angle brackets', '세종대로 <b>110</b>'],
  ])('refuses an address with %s', (_what, address) => {
    refuses(addressSchema, { address, addressDetail: '12층', zipCode: '04524' });
    refuses(addressSchema, { address: '세종대로 110', addressDetail: address, zipCode: '04524' });
  });

  it.each([
    ['a product id with script', { serviceId: '<script>xx</sc>' }],
    ['a product id in Hangul', { serviceId: '카드상품아이디카드상품아이디카' }],
    ['a 6-digit postal code (never cut to 5)', { zipCode: '045241' }],
  ])('refuses a prepaid issuance with %s', (_what, change) => {
    const form = { idempotencyKey: crypto.randomUUID(), serviceId: 'SVCPP0000000101', delivery: 'delivery', address: '세종대로 110', addressDetail: '12층', zipCode: '04524' };
    expect(prepaidIssueFormSchema.safeParse(form).success).toBe(true);
    refuses(prepaidIssueFormSchema, { ...form, ...change });
  });

  it.each(['-100', '100-', '1--00', '12 - 34', '１２３'])('refuses the account number %j instead of cleaning it', (accountNo) => {
    const form = {
      idempotencyKey: crypto.randomUUID(),
      serviceId: 'SVCDC0000000201',
      bankCode: '004',
      accountNo,
      enableFIC: false,
      residentRegistrationNo: '900101-1234567',
      delivery: 'mobile-only',
    };
    refuses(debitIssueFormSchema, form);
    expect(debitIssueFormSchema.parse({ ...form, accountNo: '110-123-456789' }).accountNo).toBe('110123456789');
  });

  it('refuses a 20-digit member id (never cut to 19) and a reissue reason with hidden characters', () => {
    refuses(userIdSchema, '90071992547409931231');
    const form = { idempotencyKey: crypto.randomUUID(), reason: 'OTHER', reasonText: 'member\u0000asked', delivery: 'mobile-only', feeAcknowledged: true };
    refuses(reissueFormSchema, form);
  });

  it('refuses hidden characters in an operator’s name, email and password', () => {
    const operator = { email: 'new@konaplate.test', name: 'New Operator', roles: ['agent'], password: 'a long enough password' };
    expect(newOperatorSchema.safeParse(operator).success).toBe(true);
    refuses(newOperatorSchema, { ...operator, name: 'New\u202eOperator' });
    refuses(newOperatorSchema, { ...operator, password: 'a long enough\u0000password' });
    refuses(signInSchema, { email: 'agent@konaplate.test\u0000', password: 'x' });
  });
});

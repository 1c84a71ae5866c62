import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { debitIssueFormSchema, formDataToObject, prepaidIssueFormSchema, reissueFormSchema } from './card-requests';

const key = '6f1c2f7e-3a52-4a55-9f3e-0c1d2e3f4a5b';
const address = { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' };
const errorsOf = (result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe('prepaid issuance form', () => {
  const base = { idempotencyKey: key, userId: '9999999999999999999', serviceId: 'PREPAIDNORMAL01', delivery: 'delivery' };

  it('accepts a delivered card with a full address, keeping the 19-digit id a string', () => {
    const parsed = prepaidIssueFormSchema.parse({ ...base, ...address });
    expect(parsed.userId).toBe('9999999999999999999');
    expect(parsed.purpose).toBe('NONE');
  });

  it('requires the address only when delivering', () => {
    expect(errorsOf(prepaidIssueFormSchema.safeParse(base))).toEqual({
      address: ['Enter the road-name address.'],
      addressDetail: ['Enter the address detail (building, unit).'],
      zipCode: ['A postal code has 5 digits.'],
    });
    expect(prepaidIssueFormSchema.safeParse({ ...base, delivery: 'mobile-only' }).success).toBe(true);
  });

  it('names each bad field', () => {
    const errors = errorsOf(
      prepaidIssueFormSchema.safeParse({ ...base, ...address, userId: '12a', serviceId: 'short', zipCode: '1234', idempotencyKey: 'x' }),
    );
    expect(errors.userId).toEqual(['The member id has digits only.']);
    expect(errors.serviceId).toEqual(['A card product id is 15 characters.']);
    expect(errors.zipCode).toEqual(['A postal code has 5 digits.']);
    expect(errors.idempotencyKey).toEqual(['This form has expired: reload the page.']);
  });

  it('refuses a 20-digit member id and one starting with 0', () => {
    expect(errorsOf(prepaidIssueFormSchema.safeParse({ ...base, ...address, userId: '1'.repeat(20) })).userId).toEqual([
      'The member id has at most 19 digits.',
    ]);
    expect(errorsOf(prepaidIssueFormSchema.safeParse({ ...base, ...address, userId: '0123' })).userId).toEqual([
      'The member id does not start with 0.',
    ]);
  });
});

describe('debit issuance form', () => {
  const base = {
    idempotencyKey: key,
    userId: '1000000010',
    serviceId: 'DEBITCARDPROD01',
    bankCode: '004',
    accountNo: '110-123-456789',
    residentRegistrationNo: '900101-1234567',
    delivery: 'delivery',
    ...address,
  };

  it('normalises the account and identity numbers', () => {
    const parsed = debitIssueFormSchema.parse(base);
    expect(parsed.accountNo).toBe('110123456789');
    expect(parsed.residentRegistrationNo).toBe('9001011234567');
    expect(parsed.enableFIC).toBe(false);
  });

  it('explains a malformed identity number', () => {
    expect(errorsOf(debitIssueFormSchema.safeParse({ ...base, residentRegistrationNo: '9001' })).residentRegistrationNo).toEqual([
      'The resident registration number has 13 digits (YYMMDD-NNNNNNN).',
    ]);
  });
});

describe('reissue form', () => {
  const base = {
    idempotencyKey: key,
    userId: '1000000005',
    par: 'Q1J4ABCDEFGHIJKLMNOPQRSTUVW',
    reason: 'LOST',
    delivery: 'delivery',
    feeAcknowledged: true,
    ...address,
  };

  it('defaults to the same product', () => {
    expect(reissueFormSchema.parse(base).nextServiceId).toBe('');
  });

  it('requires the fee to be acknowledged, and a reason text for "other"', () => {
    const errors = errorsOf(reissueFormSchema.safeParse({ ...base, feeAcknowledged: false, reason: 'OTHER' }));
    expect(errors.feeAcknowledged).toEqual(['Confirm the member accepts a possible reissuance fee.']);
    expect(errors.reasonText).toEqual(['Say why the card is replaced.']);
  });

  it('checks the PAR and a given product id', () => {
    const errors = errorsOf(reissueFormSchema.safeParse({ ...base, par: 'short', nextServiceId: 'abc' }));
    expect(errors.par).toEqual(['A PAR is 27 letters and digits.']);
    expect(errors.nextServiceId).toEqual(['A card product id is 15 characters.']);
  });
});

describe('formDataToObject', () => {
  it('reads checkboxes as booleans and drops React action fields', () => {
    const data = new FormData();
    data.set('userId', '1');
    data.set('feeAcknowledged', 'on');
    data.set('$ACTION_ID_abc', '');
    expect(formDataToObject(data, ['feeAcknowledged', 'enableFIC'])).toEqual({
      userId: '1',
      feeAcknowledged: true,
      enableFIC: false,
    });
  });
});

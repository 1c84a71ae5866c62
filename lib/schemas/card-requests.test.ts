import { describe, expect, it } from 'vitest';
import {
  boundApplicationSchema,
  cancelApplicationFormSchema,
  cardStatusFormSchema,
  reasonSummary,
  boundCardSchema,
  boundMemberSchema,
  debitIssueFormSchema,
  deliveryRequest,
  formDataToObject,
  parseCardActionInput,
  prepaidIssueFormSchema,
  reissueFormSchema,
} from './card-requests';
import { english, englishFieldErrors as errorsOf } from './testing';

const key = '6f1c2f7e-3a52-4a55-9f3e-0c1d2e3f4a5b';
const address = { address: '서울특별시 중구 세종대로 110', addressDetail: '3층', zipCode: '04524' };

describe('prepaid issuance form', () => {
  const base = { idempotencyKey: key, serviceId: 'PREPAIDNORMAL01', delivery: 'delivery' };

  it('accepts a delivered card with a full address', () => {
    const parsed = prepaidIssueFormSchema.parse({ ...base, ...address });
    expect(parsed.purpose).toBe('NONE');
    expect(parsed.zipCode).toBe('04524');
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
    const errors = errorsOf(prepaidIssueFormSchema.safeParse({ ...base, ...address, serviceId: 'short', zipCode: '1234', idempotencyKey: 'x' }));
    expect(errors.serviceId).toEqual(['A card product id is 15 letters and digits.']);
    expect(errors.zipCode).toEqual(['A postal code has 5 digits.']);
    expect(errors.idempotencyKey).toEqual(['This form has expired: reload the page.']);
  });

  it('refuses too-long input instead of cutting it short', () => {
    const errors = errorsOf(
      prepaidIssueFormSchema.safeParse({ ...base, address: 'a'.repeat(256), addressDetail: '3층', zipCode: '045241' }),
    );
    expect(errors.address).toEqual(['At most 255 characters.']);
    expect(errors.zipCode).toEqual(['A postal code has 5 digits.']);
  });

  it('has no member id field: the member comes from the route', () => {
    expect(prepaidIssueFormSchema.parse({ ...base, ...address, userId: '1' })).not.toHaveProperty('userId');
  });
});

describe('debit issuance form', () => {
  const base = {
    idempotencyKey: key,
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

  it('refuses a bank code, account or identity number that is too long', () => {
    const errors = errorsOf(
      debitIssueFormSchema.safeParse({ ...base, bankCode: '0041', accountNo: '1'.repeat(21), residentRegistrationNo: '900101-12345678' }),
    );
    expect(errors.bankCode).toEqual(['A bank code has 3 digits.']);
    expect(errors.accountNo).toEqual(['An account number has 1 to 20 digits.']);
    expect(errors.residentRegistrationNo).toEqual(['The resident registration number has 13 digits (YYMMDD-NNNNNNN).']);
  });
});

describe('reissue form', () => {
  const base = {
    idempotencyKey: key,
    reason: 'lost',
    delivery: 'delivery',
    feeAcknowledged: true,
    ...address,
  };

  it('defaults to the same product', () => {
    expect(reissueFormSchema.parse(base).nextServiceId).toBe('');
  });

  it('requires the fee to be acknowledged, and a reason text for "other"', () => {
    const errors = errorsOf(reissueFormSchema.safeParse({ ...base, feeAcknowledged: false, reason: 'other' }));
    expect(errors.feeAcknowledged).toEqual(['Confirm the member accepts a possible reissuance fee.']);
    expect(errors.reasonText).toEqual(['Say why the card is replaced.']);
  });

  it('checks a given product id and refuses a reason text that is too long', () => {
    const errors = errorsOf(reissueFormSchema.safeParse({ ...base, nextServiceId: 'abc', reason: 'other', reasonText: 'x'.repeat(201) }));
    expect(errors.nextServiceId).toEqual(['A card product id is 15 letters and digits.']);
    expect(errors.reasonText).toEqual(['At most 200 characters.']);
  });
});

describe('card status and cancellation forms', () => {
  it('take a reason of the vocabulary, and words for "other" only', () => {
    expect(cardStatusFormSchema.parse({ idempotencyKey: key, status: 'SUSPEND', reason: 'lost' })).toMatchObject({ status: 'SUSPEND', reason: 'lost' });
    expect(errorsOf(cardStatusFormSchema.safeParse({ idempotencyKey: key, status: 'STOP', reason: 'bored' }))).toMatchObject({
      status: ['This value is not valid.'],
      reason: ['Choose a reason.'],
    });
    expect(errorsOf(cancelApplicationFormSchema.safeParse({ idempotencyKey: key, reason: 'other' })).reasonText).toEqual(['Say why, in a few words.']);
    expect(errorsOf(cancelApplicationFormSchema.safeParse({ idempotencyKey: key, reason: 'other', reasonText: 'asked \u202eback' })).reasonText).toBeDefined();
  });

  it('keep the words of a reason only when it is "other"', () => {
    expect(reasonSummary({ reason: 'lost', reasonText: 'ignored' })).toEqual({ reason: 'lost' });
    expect(reasonSummary({ reason: 'other', reasonText: 'card swallowed by an ATM' })).toEqual({ reason: 'other', reasonText: 'card swallowed by an ATM' });
  });

  it('bind an application number of 22 letters and digits', () => {
    const bound = { userId: '9999999999999999999', par: 'Q1J4DLHMNU9VHZ5LLBLRU3M1GSV' };
    expect(boundApplicationSchema.safeParse({ ...bound, cardApplyNo: 'AP240315UEZSB2P5B6SVGF' }).success).toBe(true);
    expect(boundApplicationSchema.safeParse({ ...bound, cardApplyNo: 'AP240315UEZSB2P5B6SVG' }).success).toBe(false);
  });
});

describe('deliveryRequest', () => {
  it('sends the address only with a delivered card', () => {
    expect(deliveryRequest({ delivery: 'delivery', ...address })).toEqual({ isDeliveryRequired: true, address });
    expect(deliveryRequest({ delivery: 'mobile-only', ...address })).toEqual({ isDeliveryRequired: false });
  });
});

describe('parseCardActionInput', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  const prepaid = form({ idempotencyKey: key, serviceId: 'PREPAIDNORMAL01', delivery: 'mobile-only' });

  it('returns the checked bound ids and form, keeping a 19-digit member id a string', () => {
    const input = parseCardActionInput(boundMemberSchema, { userId: '9999999999999999999' }, prepaidIssueFormSchema, prepaid);
    expect(input).toMatchObject({ success: true, bound: { userId: '9999999999999999999' }, form: { serviceId: 'PREPAIDNORMAL01' } });
  });

  it('refuses a bound member id that is not one (a 20-digit id, a leading 0), naming no member', () => {
    for (const userId of ['1'.repeat(20), '0123', '12a']) {
      const input = parseCardActionInput(boundMemberSchema, { userId }, prepaidIssueFormSchema, prepaid);
      expect(input.success).toBe(false);
      if (input.success) continue;
      expect(input.memberId).toBeUndefined();
      expect(english(input.message)).toMatch(/open it again/);
      expect(Object.keys(errorsOf(input))).toEqual(['userId']);
    }
    const tooLong = parseCardActionInput(boundMemberSchema, { userId: '1'.repeat(20) }, prepaidIssueFormSchema, prepaid);
    expect(!tooLong.success && errorsOf(tooLong).userId).toEqual(['The member id has at most 19 digits.']);
  });

  it('refuses a bad bound PAR', () => {
    const input = parseCardActionInput(boundCardSchema, { userId: '1000000005', par: 'short' }, reissueFormSchema, form({}), ['feeAcknowledged']);
    expect(!input.success && errorsOf(input).par).toEqual(['A PAR is 27 letters and digits.']);
  });

  it('on a bad form, gives the field errors and the valid member id for the audit trail', () => {
    const input = parseCardActionInput(boundMemberSchema, { userId: ' 1000000010 ' }, prepaidIssueFormSchema, form({ idempotencyKey: key }));
    expect(input).toMatchObject({ success: false, memberId: '1000000010' });
    expect(!input.success && english(input.message)).toBe('Check the highlighted fields.');
    expect(!input.success && Object.keys(errorsOf(input))).toEqual(['serviceId', 'delivery']);
  });
});

describe('formDataToObject', () => {
  it('reads checkboxes as booleans and drops React action fields', () => {
    const data = new FormData();
    data.set('serviceId', '1');
    data.set('feeAcknowledged', 'on');
    data.set('$ACTION_ID_abc', '');
    expect(formDataToObject(data, ['feeAcknowledged', 'enableFIC'])).toEqual({
      serviceId: '1',
      feeAcknowledged: true,
      enableFIC: false,
    });
  });
});

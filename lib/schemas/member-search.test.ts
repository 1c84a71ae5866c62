import { describe, expect, it } from 'vitest';
import { memberSearchSchema } from './member-search';
import { englishFieldErrors } from './testing';

const errorsOf = (value: unknown) => englishFieldErrors(memberSearchSchema.safeParse(value));
const PAR = 'Q1J4ABCDEFGHIJKLMNOPQRSTUVW';

describe('member search', () => {
  it('takes a member id alone, the filters left empty', () => {
    expect(memberSearchSchema.parse({ userId: ' 9999999999999999999 ', par: '', cardNo: ' ' })).toEqual({
      userId: '9999999999999999999',
      par: undefined,
      cardNo: undefined,
    });
  });

  it('narrows by PAR or by card number', () => {
    expect(memberSearchSchema.parse({ userId: '1', par: PAR, cardNo: '' }).par).toBe(PAR);
    expect(memberSearchSchema.parse({ userId: '1', par: '', cardNo: '4111 1111 1111 1111' }).cardNo).toBe('4111111111111111');
  });

  it('refuses both filters at once, next to the card number', () => {
    expect(errorsOf({ userId: '1', par: PAR, cardNo: '4111111111111111' })).toEqual({
      cardNo: ['Filter by PAR or by card number, not both.'],
    });
  });

  it('refuses too-long input with the field’s own message first', () => {
    const errors = errorsOf({ userId: '1'.repeat(20), par: `${PAR}X`, cardNo: '41111111111111110' });
    expect(errors.userId?.[0]).toBe('The member id has at most 19 digits.');
    expect(errors.par?.[0]).toBe('A PAR is 27 letters and digits.');
    expect(errors.cardNo?.[0]).toBe('A card number has 16 digits.');
  });

  it('requires the member id', () => {
    expect(errorsOf({ userId: '', par: '', cardNo: '' }).userId).toEqual(['Enter the member id.']);
  });
});

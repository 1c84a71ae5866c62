import { describe, expect, it } from 'vitest';
import { approvalPolicyFormSchema, decisionFormSchema } from './approvals';
import { englishFieldErrors as errorsOf } from './testing';

describe('a checker’s decision', () => {
  it('needs a comment to reject, not to approve', () => {
    expect(errorsOf(decisionFormSchema.safeParse({ decision: 'reject', comment: '  ' }))).toEqual({ comment: ['Say why the request is rejected.'] });
    expect(decisionFormSchema.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('refuses hidden characters and a comment too long, never cutting it', () => {
    expect(errorsOf(decisionFormSchema.safeParse({ decision: 'reject', comment: 'ok\u202Egnp.exe' }))).toEqual({
      comment: ['Remove the hidden control or text-direction characters (they often come with pasted text).'],
    });
    expect(errorsOf(decisionFormSchema.safeParse({ decision: 'reject', comment: 'x'.repeat(501) }))).toEqual({ comment: ['At most 500 characters.'] });
  });

  it('takes an identity number only in its shape', () => {
    expect(decisionFormSchema.parse({ decision: 'approve', residentRegistrationNo: '900101-1234567' }).residentRegistrationNo).toBe('9001011234567');
    expect(Object.keys(errorsOf(decisionFormSchema.safeParse({ decision: 'approve', residentRegistrationNo: '9001' })))).toEqual(['residentRegistrationNo']);
  });
});

describe('the approval policy form', () => {
  it('reads a threshold in whole won and a waiting time of 1 to 1440 minutes', () => {
    expect(approvalPolicyFormSchema.parse({ enabled: true, rules: ['suspend-stolen'], balanceThresholdKrw: '', ttlMinutes: '30' })).toEqual({
      enabled: true,
      rules: ['suspend-stolen'],
      balanceThresholdKrw: '',
      ttlMinutes: 30,
    });
    expect(errorsOf(approvalPolicyFormSchema.safeParse({ enabled: true, rules: ['refund'], balanceThresholdKrw: '1,000', ttlMinutes: '0' }))).toEqual({
      rules: ['This value is not valid.'],
      balanceThresholdKrw: ['A whole number of won, e.g. 1000000, or nothing.'],
      ttlMinutes: ['Between 1 and 1440 minutes.'],
    });
  });
});

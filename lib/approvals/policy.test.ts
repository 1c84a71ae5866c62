import { describe, expect, it } from 'vitest';
import type { ApprovalPolicy } from '@/lib/domain/approvals';
import { parseEnv } from '@/lib/env';
import { approvalNeeded, decimalAbove, policyFromEnv } from './policy';

const on: ApprovalPolicy = { enabled: true, rules: ['reissue-prepaid', 'issue-debit'], balanceThresholdKrw: null, ttlMinutes: 30 };

describe('the approval policy', () => {
  it('comes from the env, off unless MAKER_CHECKER=on', () => {
    expect(policyFromEnv(parseEnv({}))).toEqual({ ...on, enabled: false });
    expect(policyFromEnv(parseEnv({ MAKER_CHECKER: 'on', APPROVAL_TTL_MINUTES: '10' }))).toEqual({ ...on, ttlMinutes: 10 });
  });

  it('holds nothing while off', () => {
    expect(approvalNeeded({ ...on, enabled: false }, { action: 'reissue-prepaid' })).toBe(false);
  });

  it('holds the actions it names, a suspension only as stolen', () => {
    expect(approvalNeeded(on, { action: 'reissue-prepaid' })).toBe(true);
    expect(approvalNeeded(on, { action: 'issue-debit' })).toBe(true);
    expect(approvalNeeded(on, { action: 'issue-prepaid' })).toBe(false);
    expect(approvalNeeded(on, { action: 'suspend-card', reason: 'stolen' })).toBe(false);
    const stolen = { ...on, rules: ['suspend-stolen' as const] };
    expect(approvalNeeded(stolen, { action: 'suspend-card', reason: 'stolen' })).toBe(true);
    expect(approvalNeeded(stolen, { action: 'suspend-card', reason: 'lost' })).toBe(false);
  });

  it('holds any approvable action on a card above the balance threshold', () => {
    const threshold = { ...on, rules: [], balanceThresholdKrw: '1000000' };
    expect(approvalNeeded(threshold, { action: 'suspend-card', reason: 'lost', balance: '1000000.01' })).toBe(true);
    expect(approvalNeeded(threshold, { action: 'suspend-card', reason: 'lost', balance: '1000000' })).toBe(false);
    expect(approvalNeeded(threshold, { action: 'issue-prepaid' })).toBe(false);
  });

  it('compares amounts exactly, as decimal text', () => {
    expect(decimalAbove('9007199254740993', '9007199254740992')).toBe(true);
    expect(decimalAbove('0.10', '0.1')).toBe(false);
    expect(decimalAbove('12.5', '12.49')).toBe(true);
    expect(decimalAbove('-5', '1')).toBe(false);
    expect(decimalAbove('abc', '1')).toBe(false);
  });
});

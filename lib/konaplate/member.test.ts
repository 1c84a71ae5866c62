import { describe, expect, it } from 'vitest';
import { maskEmail, maskMobileNumber } from './member';

describe('maskMobileNumber', () => {
  it.each([
    ['010-2419-8863', '010-••••-8863'],
    ['01024198863', '010-••••-8863'],
    ['011-241-8863', '011-••••-8863'],
    ['+82 2 1234 5678', '•••••••5678'],
    ['123', '••••'],
  ])('%s → %s', (input, masked) => {
    expect(maskMobileNumber(input)).toBe(masked);
  });
});

describe('maskEmail', () => {
  it.each([
    ['minjun.kim@example.com', 'mi•••@example.com'],
    ['ab@example.com', 'a•••@example.com'],
    ['a@example.com', '•••@example.com'],
    ['not-an-email', '•••'],
    ['@example.com', '•••'],
  ])('%s → %s', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });
});

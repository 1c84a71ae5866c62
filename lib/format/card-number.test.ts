import { describe, expect, it } from 'vitest';
import { maskAccountNumber, maskCardNumber } from './card-number';

describe('maskCardNumber', () => {
  it('keeps the first 6 and last 4 digits of a 16-digit number', () => {
    expect(maskCardNumber('9410123456781234')).toBe('9410 12•• •••• 1234');
  });
  it('never shows more than 10 digits', () => {
    const shown = maskCardNumber('9410 1234 5678 1234').replace(/\D/g, '');
    expect(shown).toHaveLength(10);
  });
  it('hides a number too short to mask safely entirely', () => {
    expect(maskCardNumber('12345')).toBe('•••••');
  });
});

describe('maskAccountNumber', () => {
  it('shows the last 4 digits only', () => {
    expect(maskAccountNumber('110123456789')).toBe('••••••••6789');
  });
});

import { randomInt } from 'node:crypto';
import { kstDate } from './delivery';

/** Card-shaped identifiers: Luhn-valid card numbers, PARs, application numbers. */

const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? '';
const randomDigits = (count: number) => Array.from({ length: count }, () => String(randomInt(10))).join('');

export function newCardNumber(prefix: string): string {
  const body = prefix + randomDigits(15 - prefix.length);
  const check = [...'0123456789'].find((digit) => luhnValid(body + digit)) ?? '0';
  return body + check;
}

/** A letter every fourth character keeps identifiers from looking like card numbers. */
function mixed(count: number): string {
  return Array.from({ length: count }, (_, i) => (i % 4 === 0 ? pick(LETTERS) : pick(ALPHANUMERIC))).join('');
}

/** 27 characters, like the fixture's: "Q1J4" + 23 alphanumerics. */
export const newPar = () => `Q1J4${mixed(23)}`;

/** 22 characters: "AP" + yyMMdd (the day in Korea) + 14 alphanumerics. */
export function newCardApplyNo(now: Date): string {
  return `AP${kstDate(now).slice(2)}${mixed(14)}`;
}

export const newCvc = () => randomDigits(3);

/** Unique among `taken`; the random space is large, so this loops at most a few times. */
export function unique(generate: () => string, taken: (value: string) => boolean): string {
  for (;;) {
    const value = generate();
    if (!taken(value)) return value;
  }
}

import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locales';

describe('the language of a browser that has not chosen one', () => {
  it('is Korean for a Korean browser and English for an English one', () => {
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ko');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('ko')).toBe('ko');
  });

  it('follows the q-values, not only the order', () => {
    expect(negotiateLocale('en;q=0.5,ko;q=0.8')).toBe('ko');
    expect(negotiateLocale('ko;q=0,en')).toBe('en');
  });

  it('takes the first language the console has, else English', () => {
    expect(negotiateLocale('ja-JP,ko;q=0.8,en;q=0.5')).toBe('ko');
    expect(negotiateLocale('fr-FR,de;q=0.5')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });
});

import { describe, expect, it } from 'vitest';
import { localeFormat } from './locale-format';

describe('formatting per language, in Korea time', () => {
  const en = localeFormat('en');
  const ko = localeFormat('ko');

  it('writes dates the way each language reads them', () => {
    expect(en.date('2026-11-24T20:00:00Z')).toBe('2026-11-25');
    expect(ko.date('2026-11-24T20:00:00Z')).toBe('2026년 11월 25일');
    expect(en.dateTime('2026-11-24T20:05:00Z')).toBe('2026-11-25 05:05');
    expect(ko.dateTime('2026-11-25T12:11:00Z')).toBe('2026. 11. 25. 21:11');
    expect(en.compactDate('20291231')).toBe('2029-12-31');
    expect(ko.compactDate('20291231')).toBe('2029년 12월 31일');
    expect(ko.compactDate('not a date')).toBe('not a date');
  });

  it('writes won and counts with thousands separators', () => {
    expect(en.krw(1_234_000)).toBe('₩1,234,000');
    expect(ko.krw(1_234_000)).toBe('₩1,234,000');
    expect(ko.count(12_500)).toBe('12,500');
  });
});

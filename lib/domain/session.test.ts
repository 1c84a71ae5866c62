import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { idlePhase, timeLeft } from './session';

describe('idle timeout phases', () => {
  it('warns in the last minute, ends at zero', () => {
    expect(idlePhase(15 * 60_000)).toBe('active');
    expect(idlePhase(60_001)).toBe('active');
    expect(idlePhase(60_000)).toBe('warning');
    expect(idlePhase(1)).toBe('warning');
    expect(idlePhase(0)).toBe('ended');
    expect(idlePhase(-5)).toBe('ended');
  });

  it('says the time left rounded up, in seconds, or in minutes past two', () => {
    expect(timeLeft(60_000)).toEqual({ unit: 'seconds', count: 60 });
    expect(timeLeft(44_001)).toEqual({ unit: 'seconds', count: 45 });
    expect(timeLeft(900)).toEqual({ unit: 'seconds', count: 1 });
    expect(timeLeft(0)).toEqual({ unit: 'seconds', count: 0 });
    expect(timeLeft(119_001)).toEqual({ unit: 'minutes', count: 2 });
    expect(timeLeft(5 * 60_000)).toEqual({ unit: 'minutes', count: 5 });
  });

  it('is said in words in both languages', () => {
    const words = (locale: 'en' | 'ko', remainingMs: number) =>
      createTranslator({ locale, messages: { en, ko }[locale], namespace: 'shell.idle' })('timeLeft', timeLeft(remainingMs));
    expect(words('en', 44_001)).toBe('45 seconds');
    expect(words('en', 900)).toBe('1 second');
    expect(words('en', 5 * 60_000)).toBe('5 minutes');
    expect(words('ko', 44_001)).toBe('45초');
    expect(words('ko', 5 * 60_000)).toBe('5분');
  });
});

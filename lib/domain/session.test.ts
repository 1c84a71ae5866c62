import { describe, expect, it } from 'vitest';
import { idlePhase, timeLeftInWords } from './session';

describe('idle timeout phases', () => {
  it('warns in the last minute, ends at zero', () => {
    expect(idlePhase(15 * 60_000)).toBe('active');
    expect(idlePhase(60_001)).toBe('active');
    expect(idlePhase(60_000)).toBe('warning');
    expect(idlePhase(1)).toBe('warning');
    expect(idlePhase(0)).toBe('ended');
    expect(idlePhase(-5)).toBe('ended');
  });

  it('says the time left in words, rounded up', () => {
    expect(timeLeftInWords(60_000)).toBe('60 seconds');
    expect(timeLeftInWords(44_001)).toBe('45 seconds');
    expect(timeLeftInWords(900)).toBe('1 second');
    expect(timeLeftInWords(0)).toBe('0 seconds');
    expect(timeLeftInWords(5 * 60_000)).toBe('5 minutes');
  });
});

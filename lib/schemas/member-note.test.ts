import { describe, expect, it } from 'vitest';
import { NOTE_BODY_MAX } from '@/lib/domain/member-note';
import { memberNoteFormSchema, noteBodySchema } from './member-note';
import { englishFieldErrors as errorsOf } from './testing';

const KEY = '00000000-0000-4000-8000-000000000001';
const bodyErrors = (body: unknown) => errorsOf(memberNoteFormSchema.safeParse({ body, idempotencyKey: KEY })).body;

describe('member note body', () => {
  it('takes a note of several lines, posted with CRLF, and keeps its lines', () => {
    expect(noteBodySchema.parse('  asked for the card\r\nto be sent to the office  \r\n')).toBe('asked for the card\nto be sent to the office');
    expect(noteBodySchema.parse('사무실로 카드 배송 요청')).toBe('사무실로 카드 배송 요청');
  });

  it('takes exactly the limit, counting an emoji as one character as PostgreSQL does', () => {
    expect(noteBodySchema.safeParse('가'.repeat(NOTE_BODY_MAX)).success).toBe(true);
    expect(noteBodySchema.safeParse('😀'.repeat(NOTE_BODY_MAX)).success).toBe(true);
  });

  it('refuses a note over the limit rather than cutting it short', () => {
    expect(bodyErrors('a'.repeat(NOTE_BODY_MAX + 1))).toEqual([`At most ${NOTE_BODY_MAX} characters.`]);
  });

  it('refuses an empty or blank note', () => {
    expect(bodyErrors('')).toEqual(['Write the note.']);
    expect(bodyErrors(' \r\n \n')).toEqual(['Write the note.']);
    expect(bodyErrors(undefined)).toEqual(['This value is not valid.']);
  });

  it.each([
    ['a right-to-left override', 'card to \u202Eeciffo'],
    ['a direction isolate', 'office \u2066x\u2069'],
    ['a tab', 'office\tcard'],
    ['a lone carriage return', 'office\rcard'],
    ['a NUL', 'office\u0000'],
    ['half of a UTF-16 pair', 'office \uD83D'],
  ])('refuses %s, never cleaning it away', (_, body) => {
    expect(bodyErrors(body)).toEqual([expect.stringContaining('hidden control or text-direction characters')]);
  });

  it('refuses a form without its idempotency key', () => {
    expect(errorsOf(memberNoteFormSchema.safeParse({ body: 'ok', idempotencyKey: 'x' })).idempotencyKey).toEqual(['This form has expired: reload the page.']);
  });
});

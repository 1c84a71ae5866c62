import * as z from 'zod/mini';
import { NOTE_BODY_MAX } from '@/lib/domain/member-note';
import { idempotencyKeySchema } from './fields';
import { problem } from './problem';
import { hasHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE, tooLong } from './text';

/**
 * A note an operator leaves on a member during a call: what the form checks as it is typed and
 * the server action checks again. Browser-safe.
 */

/** Counted as PostgreSQL's char_length counts: one per character, an emoji's two UTF-16 halves as one. */
const characters = (text: string) => [...text].length;

/**
 * 1 to NOTE_BODY_MAX characters, on several lines if need be. Refused, never cut or cleaned: a
 * control character other than a line break, a direction override, half of a UTF-16 pair.
 * Browsers post a textarea's line breaks as CRLF: they are read as the line breaks they are,
 * and spaces and blank lines around the note are trimmed (as review comments are).
 */
export const noteBodySchema = z.string({ error: problem('invalid') }).check(
  z.overwrite((text) => text.replace(/\r\n/g, '\n')),
  z.refine((text) => !hasHiddenCharacters(text.replace(/\n/g, '')), HIDDEN_CHARACTERS_MESSAGE),
  z.overwrite((text) => text.trim()),
  z.refine((text) => characters(text) >= 1, problem('memberNote.required')),
  z.refine((text) => characters(text) <= NOTE_BODY_MAX, tooLong(NOTE_BODY_MAX)),
);

/** What the operator types: checked as they type. */
export const memberNoteFieldsSchema = z.object({ body: noteBodySchema });

/** What the action reads: the body, and the key that makes a double submission add one note only. */
export const memberNoteFormSchema = z.extend(memberNoteFieldsSchema, {
  idempotencyKey: idempotencyKeySchema,
});
export type MemberNoteFormInput = z.input<typeof memberNoteFormSchema>;

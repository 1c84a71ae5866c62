import * as z from 'zod/mini';
import { problem } from './problem';

/**
 * Character rules shared by every field. Input is refused, never cleaned: a control
 * character (NUL, BEL, a tab or line break in a one-line field), a direction override that
 * makes text read differently than it is stored, or half of a UTF-16 pair is an error next
 * to the field, and nothing is sent. Only ordinary spaces around a value are trimmed.
 */

const CONTROL = /\p{Cc}/u;
/** Bidi embeddings, overrides, isolates and marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const HIDDEN_CHARACTERS_MESSAGE = problem('hiddenCharacters');

/** True when `value` holds a character no field accepts. */
export function hasHiddenCharacters(value: string): boolean {
  return CONTROL.test(value) || BIDI.test(value) || LONE_SURROGATE.test(value);
}

const trimSpaces = (value: string) => value.replace(/^ +| +$/g, '');

/** At most `max` characters: refused, never cut short. */
export const tooLong = (max: number) => problem('tooLong', { max });
export const tooShort = (min: number) => problem('tooShort', { min });

/**
 * A string with no hidden characters, ordinary spaces around it trimmed. `missing`: the problem
 * when there is no string at all (a hand-made request), else the generic one.
 */
export function visibleText(missing = problem('invalid')) {
  return z.string({ error: missing }).check(
    z.refine((value) => !hasHiddenCharacters(value), HIDDEN_CHARACTERS_MESSAGE),
    z.overwrite(trimSpaces),
  );
}

/** Letters of any script, digits, spaces and the punctuation of postal addresses; no markup. */
const ADDRESS = /^[\p{L}\p{M}\p{N} .,\-()#/·&'~]*$/u;
export const ADDRESS_CHARACTERS_MESSAGE = problem('delivery.addressCharacters');

export const addressText = () => visibleText().check(z.regex(ADDRESS, ADDRESS_CHARACTERS_MESSAGE));

/** Digits, optionally grouped by single spaces or dashes (as printed on cards and passbooks); the groups are joined. */
export function groupedDigits(message: string) {
  return z.pipe(
    visibleText(message).check(z.regex(/^(\d+([ -]\d+)*)?$/, message)),
    z.transform((value: string) => value.replace(/[ -]/g, '')),
  );
}

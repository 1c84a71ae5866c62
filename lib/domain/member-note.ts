/**
 * A note an operator leaves on a member during a call. Its rules are lib/schemas/member-note.ts;
 * this module holds what a view needs without them (no zod on the card list's first load).
 */

/** The database's limit too (member_notes_body_length, MEMBER_NOTE_MAX): notes.db.test.ts holds them equal. */
export const NOTE_BODY_MAX = 500;

/** A stored note as every view shows it: dated, signed, never edited. */
export interface MemberNote {
  id: number;
  memberId: string;
  /** ISO time. */
  at: string;
  authorEmail: string;
  body: string;
}

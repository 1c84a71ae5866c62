// Part of the Drizzle schema re-exported by lib/db/schema.ts (see schema/common.ts): what the
// console keeps about a member itself (the platform keeps the rest).
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { operators } from './operators';

/** A note is short: what an agent writes during a call. */
export const MEMBER_NOTE_MAX = 500;

/* ------------------------------------------------------------------------------------------ */
/* member_notes: short, dated, signed notes an operator leaves on a member during a call.      */
/* Append-only (migration 0010's trigger): a correction is a new note, never an edit.          */
/* ------------------------------------------------------------------------------------------ */

export const memberNotes = pgTable(
  'member_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The platform's userId as a digit string (up to 19 digits): never a JS number. */
    memberId: text('member_id').notNull(),
    body: text('body').notNull(),
    /** The author (an operator who wrote notes cannot be deleted: notes are append-only), and their e-mail as signed. */
    authorId: uuid('author_id').references(() => operators.id),
    authorEmail: text('author_email').notNull(),
    /** The audit event that recorded this note. */
    auditEventId: bigint('audit_event_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('member_notes_member_idx').on(t.memberId, t.createdAt.desc(), t.id.desc()),
    check('member_notes_member_digits', sql`${t.memberId} ~ '^[0-9]{1,19}$'`),
    check('member_notes_body_length', sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(MEMBER_NOTE_MAX))}`),
  ],
);

export type MemberNoteRow = typeof memberNotes.$inferSelect;

import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { appendLocked, lockChain, type AppendOptions, type AuditActor } from '@/lib/audit/append';
import { getDb, type Database } from '@/lib/db';
import { memberNotes, type MemberNoteRow } from '@/lib/db/schema';
import type { MemberNote } from '@/lib/domain/member-note';

/**
 * Notes on a member, kept in the console's database: append-only (migration 0010's trigger
 * refuses any change; a correction is a new note), each written in one transaction with its
 * `member-note` audit event, so that neither exists without the other. The body is checked
 * by noteBodySchema before it comes here; the table checks its length again.
 */

export interface NewMemberNote {
  /** The signed-in operator: the note is signed with their id and e-mail. */
  author: AuditActor & { id: string; email: string };
  memberId: string;
  body: string;
}

const toMemberNote = (row: MemberNoteRow): MemberNote => ({
  id: row.id,
  memberId: row.memberId,
  at: row.createdAt.toISOString(),
  authorEmail: row.authorEmail,
  body: row.body,
});

/**
 * Stores the note and its audit event together: the chain lock, the event, then the note naming
 * it. The event records the note's length, not its words (they are the note's, read where the
 * notes are read).
 */
export async function addMemberNote(note: NewMemberNote, options: { db?: Database; client?: AppendOptions['client'] } = {}): Promise<MemberNote> {
  const db = options.db ?? (await getDb());
  return db.transaction(async (tx) => {
    await lockChain(tx);
    const event = await appendLocked(
      tx as unknown as Database,
      {
        actor: note.author,
        action: 'member-note',
        outcome: 'ok',
        memberId: note.memberId,
        request: { characters: [...note.body].length },
      },
      { client: options.client },
    );
    const [row] = await tx
      .insert(memberNotes)
      .values({ memberId: note.memberId, body: note.body, authorId: note.author.id, authorEmail: note.author.email, auditEventId: event.id })
      .returning();
    return toMemberNote(row!);
  });
}

/** A member's notes, newest first. */
export async function listMemberNotes(memberId: string, options: { limit?: number; db?: Database } = {}): Promise<MemberNote[]> {
  return selectNotes(eq(memberNotes.memberId, memberId), options.limit ?? 50, options.db);
}

/**
 * A member's notes written in (after, upTo], newest first: those that belong on one page of the
 * member's timeline, whose entries span that time (open ends: the first and the last page), so
 * that each note shows on exactly one page. Times as exact UTC text (the timeline's cursors).
 */
export async function listMemberNotesWithin(
  memberId: string,
  span: { after?: string | null; upTo?: string | null },
  options: { limit?: number; db?: Database } = {},
): Promise<MemberNote[]> {
  // The timeline's positions are exact (microseconds): compared as timestamptz, not as JS dates.
  const bounds = [
    eq(memberNotes.memberId, memberId),
    span.after ? sql`${memberNotes.createdAt} > ${span.after}::timestamptz` : undefined,
    span.upTo ? sql`${memberNotes.createdAt} <= ${span.upTo}::timestamptz` : undefined,
  ].filter((bound): bound is SQL => bound !== undefined);
  return selectNotes(and(...bounds)!, options.limit ?? 200, options.db);
}

async function selectNotes(where: SQL, limit: number, database?: Database): Promise<MemberNote[]> {
  const db = database ?? (await getDb());
  const rows = await db.select().from(memberNotes).where(where).orderBy(desc(memberNotes.createdAt), desc(memberNotes.id)).limit(limit);
  return rows.map(toMemberNote);
}

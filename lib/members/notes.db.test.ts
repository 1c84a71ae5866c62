import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, MEMBER_NOTE_MAX, memberNotes, operators, type Database } from '@/lib/db';
import { AGENT, describeOnDatabases, failureOf, MEMBER } from '@/lib/audit/testing/database-suite';
import { verifyAuditChain } from '@/lib/audit/verify';
import { NOTE_BODY_MAX } from '@/lib/domain/member-note';
import { noteBodySchema } from '@/lib/schemas/member-note';
import { addMemberNote, listMemberNotes, listMemberNotesWithin } from './notes';

const OTHER_MEMBER = '1000000001';

/** The agent as a stored operator (the note's author references one). */
async function withAgent(db: Database) {
  await db.insert(operators).values({ id: AGENT.id, email: AGENT.email, name: 'Ada Agent', roles: ['agent'], passwordHash: null });
  return { id: AGENT.id, email: AGENT.email, roles: [...AGENT.roles] };
}

describeOnDatabases('member notes', (fresh) => {
  it('stores a note with its audit event, in one chain that still verifies', async () => {
    const db = await fresh();
    const author = await withAgent(db);
    const client = { ip: '203.0.113.7', userAgent: 'test' };
    const note = await addMemberNote({ author, memberId: MEMBER, body: '사무실로 카드 배송 요청\nasked for the office' }, { db, client });
    expect(note).toMatchObject({ memberId: MEMBER, authorEmail: AGENT.email, body: '사무실로 카드 배송 요청\nasked for the office' });

    const [row] = await db.select().from(memberNotes).where(eq(memberNotes.id, note.id));
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.id, row!.auditEventId!));
    expect(event).toMatchObject({
      action: 'member-note',
      outcome: 'ok',
      memberId: MEMBER,
      operatorId: AGENT.id,
      operatorEmail: AGENT.email,
      clientIp: '203.0.113.7',
      // The event says a note was left, not what it says.
      requestSummary: { characters: 34 },
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 1 });
  });

  it('stores neither the note nor its event when the note is refused', async () => {
    const db = await fresh();
    const author = await withAgent(db);
    // The event is written first, in the same transaction: the note's refusal takes it back.
    expect(await failureOf(addMemberNote({ author, memberId: MEMBER, body: 'x'.repeat(501) }, { db }))).toMatch(/member_notes_body_length/);
    expect(await db.select().from(memberNotes)).toEqual([]);
    expect(await db.select().from(auditEvents)).toEqual([]);
  });

  it('stores every note the form takes: the limits agree, counted the same way', async () => {
    const db = await fresh();
    const author = await withAgent(db);
    expect(NOTE_BODY_MAX).toBe(MEMBER_NOTE_MAX);
    const longest = noteBodySchema.parse('😀'.repeat(NOTE_BODY_MAX));
    expect((await addMemberNote({ author, memberId: MEMBER, body: longest }, { db })).body).toBe(longest);
  });

  it('is append-only: a note is never changed or removed', async () => {
    const db = await fresh();
    const author = await withAgent(db);
    const { id } = await addMemberNote({ author, memberId: MEMBER, body: 'first' }, { db });
    expect(await failureOf(db.execute(sql`update member_notes set body = 'changed' where id = ${id}`))).toMatch(/append-only: UPDATE refused/);
    expect(await failureOf(db.execute(sql`delete from member_notes where id = ${id}`))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`truncate member_notes`))).toMatch(/append-only: TRUNCATE refused/);
    expect((await listMemberNotes(MEMBER, { db })).map((note) => note.body)).toEqual(['first']);
  });

  it('lists a member’s notes newest first, and a timeline page’s span of them', async () => {
    const db = await fresh();
    const author = await withAgent(db);
    const first = await addMemberNote({ author, memberId: MEMBER, body: 'one' }, { db });
    await addMemberNote({ author, memberId: OTHER_MEMBER, body: 'someone else' }, { db });
    const second = await addMemberNote({ author, memberId: MEMBER, body: 'two' }, { db });
    const third = await addMemberNote({ author, memberId: MEMBER, body: 'three' }, { db });
    expect((await listMemberNotes(MEMBER, { db })).map((note) => note.body)).toEqual(['three', 'two', 'one']);

    // Exact times, as the timeline's cursors carry them.
    const exact = async (id: number) => {
      const [row] = await db.execute(sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from member_notes where id = ${id}`).then((r) => (r as unknown as { rows: { at: string }[] }).rows);
      return row!.at;
    };
    const within = async (after: string | null, upTo: string | null) =>
      (await listMemberNotesWithin(MEMBER, { after, upTo }, { db })).map((note) => note.body);
    expect(await within(null, null)).toEqual(['three', 'two', 'one']);
    expect(await within(await exact(first.id), null)).toEqual(['three', 'two']);
    expect(await within(await exact(first.id), await exact(second.id))).toEqual(['two']);
    expect(await within(null, await exact(first.id))).toEqual(['one']);
    expect(third.at >= second.at).toBe(true);
  });
});

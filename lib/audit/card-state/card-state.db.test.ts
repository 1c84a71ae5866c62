import { expect, it, vi } from 'vitest';
import type { Database } from '@/lib/db/client';
import { cardStateHistory } from '@/lib/db/schema';
import type { MemberCard } from '@/lib/domain/cards';
import { appendAuditEvent } from '../append';
import { auditInput, describeOnDatabases, MEMBER, PAR_A, PAR_B } from '../testing/database-suite';
import { getCardStateTimeline } from './card-timeline';
import { decodeTimelineCursor, listMemberTimeline, type MemberTimelinePage } from './member-timeline';
import { recordCardObservations } from './record-observations';

function card(par: string, overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    par,
    serviceId: 'SVC000000000001',
    serviceName: 'Prepaid',
    serviceImageUrl: 'https://example.test/card.png',
    mobileCardStatus: 'ACTIVE',
    expiryDate: '20301231',
    balance: 1000,
    pendingAmount: 0,
    cardLifeStatus: '60',
    cardBizStatus: '60',
    ...overrides,
  } as MemberCard;
}

/** The keys of MEMBER's whole timeline, read `limit` entries a page through the page links' cursors. */
async function timelineKeysPageByPage(db: Database, limit: number): Promise<string[]> {
  const keys: string[] = [];
  let cursorText: string | null = null;
  do {
    const cursor = cursorText === null ? null : decodeTimelineCursor(cursorText);
    if (cursorText !== null) expect(cursor).not.toBeNull();
    const page: MemberTimelinePage = await listMemberTimeline(MEMBER, { cursor, limit, db });
    keys.push(...page.items.map((i) => i.key));
    cursorText = page.nextCursor;
  } while (cursorText);
  return keys;
}

describeOnDatabases('card-state history', (fresh) => {
  it('records card states only when they change and builds the card and member timelines', async () => {
    const db = await fresh();
    const view = await appendAuditEvent(db, auditInput({ action: 'search' }));
    expect(await recordCardObservations(MEMBER, [card(PAR_A), card(PAR_B, { balance: 5000 })], { auditEventId: view.id, db })).toEqual({ changed: 2 });
    // Nothing new: the database is not even asked (the last write is remembered).
    const transaction = vi.spyOn(db, 'transaction');
    expect(await recordCardObservations(MEMBER, [card(PAR_A), card(PAR_B, { balance: 5000 })], { db })).toEqual({ changed: 0 });
    expect(transaction).not.toHaveBeenCalled();
    transaction.mockRestore();
    expect(await recordCardObservations(MEMBER, [], { db })).toEqual({ changed: 0 });
    await expect(recordCardObservations('12a', [card(PAR_A)], { db })).rejects.toThrow(/1 to 19 digits/);

    // The agent suspends… then reissues card A; the next read sees A as 3A/30 and a new card C.
    await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '31', mobileCardStatus: 'SUSPENDED' }), card(PAR_B, { balance: 5000 })], { db });
    const reissue = await appendAuditEvent(db, auditInput({ action: 'reissue-prepaid', cardRef: PAR_A, resultCode: '000_000', correlationId: 'corr-reissue' }));
    const PAR_C = 'PAR0000000000000000000000C3';
    expect(
      await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '3A', cardLifeStatus: '30', mobileCardStatus: 'SUSPENDED' }), card(PAR_B, { balance: 5000 }), card(PAR_C)], { db }),
    ).toEqual({ changed: 2 });

    const timeline = await getCardStateTimeline(MEMBER, PAR_A, { db });
    expect(timeline.map((e) => e.state.bizStatus)).toEqual(['3A', '31', '60']);
    expect(timeline[0]!.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['lifeStatus', '60', '30'],
      ['bizStatus', '31', '3A'],
    ]);
    expect(timeline[0]!.actions).toEqual([expect.objectContaining({ id: reissue.id, action: 'reissue-prepaid', direct: false, correlationId: 'corr-reissue' })]);
    expect(timeline[1]!.actions).toEqual([]);
    expect(timeline[2]).toMatchObject({ first: true, actions: [expect.objectContaining({ id: view.id, direct: true })] });
    // The new card's first sighting links to the reissue that created it.
    const cTimeline = await getCardStateTimeline(MEMBER, PAR_C, { db });
    expect(cTimeline[0]).toMatchObject({ first: true, actions: [expect.objectContaining({ id: reissue.id })] });

    const all = await timelineKeysPageByPage(db, 3);
    // 2 events + 5 state rows (A×3, B×1, C×1), newest first, each exactly once across pages.
    const full = await listMemberTimeline(MEMBER, { limit: 100, db });
    expect(all).toEqual(full.items.map((i) => i.key));
    expect(full.items).toHaveLength(2 + 5);
    expect(full.items[full.items.length - 1]!.key).toMatch(/^(action|state)-/);
    const times = full.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(decodeTimelineCursor('bogus!')).toBeNull();
  });

  it('shows a held action’s approval steps next to the change they led to, on that card only', async () => {
    const db = await fresh();
    await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '31', mobileCardStatus: 'SUSPENDED' }), card(PAR_B)], { db });
    const requested = await appendAuditEvent(db, auditInput({ action: 'approval-requested', cardRef: PAR_A }));
    const otherCard = await appendAuditEvent(db, auditInput({ action: 'approval-requested', cardRef: PAR_B }));
    const approved = await appendAuditEvent(db, auditInput({ action: 'approval-approved', cardRef: PAR_A }));
    const reissue = await appendAuditEvent(db, auditInput({ action: 'reissue-prepaid', cardRef: PAR_A, resultCode: '000_000' }));
    await recordCardObservations(MEMBER, [card(PAR_A, { cardBizStatus: '3A', cardLifeStatus: '30', mobileCardStatus: 'SUSPENDED' }), card(PAR_B)], { db });

    const [latest] = await getCardStateTimeline(MEMBER, PAR_A, { db });
    expect(latest!.actions.map((a) => a.id)).toEqual([reissue.id, approved.id, requested.id]);
    expect(latest!.actions.map((a) => a.id)).not.toContain(otherCard.id);
  });

  it('pages through a member timeline whose actions and states share a timestamp: each once, actions first', async () => {
    const db = await fresh();
    const tie = new Date('2026-03-01T00:00:00.000Z');
    const older = new Date(tie.getTime() - 1_000);
    const events: number[] = [];
    for (let i = 0; i < 3; i++) events.push((await appendAuditEvent(db, auditInput(), { at: tie })).id);
    const states = await db
      .insert(cardStateHistory)
      .values([tie, tie, tie, older].map((observedAt, i) => ({ memberId: MEMBER, par: `PAR${i}`, state: { bizStatus: '60' }, stateHash: `h${i}`, observedAt })))
      .returning({ id: cardStateHistory.id });
    const expected = [
      ...[...events].reverse().map((id) => `action-${id}`),
      ...states.slice(0, 3).map((s) => `state-${s.id}`).reverse(),
      `state-${states[3]!.id}`,
    ];
    expect((await listMemberTimeline(MEMBER, { db })).items.map((i) => i.key)).toEqual(expected);
    for (const limit of [1, 2, 3, 4]) {
      expect(await timelineKeysPageByPage(db, limit), `limit ${limit}`).toEqual(expected);
    }
  });
});

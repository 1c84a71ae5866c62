import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, cardStateHistory, type NewAuditEvent } from './schema';
import { describeOnDatabases, failureOf } from './testing/database-suite';

const BIG_MEMBER_ID = '9007199254740993123'; // 19 digits, far beyond Number.MAX_SAFE_INTEGER

function auditEvent(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    operatorEmail: 'agent@konaplate.test',
    operatorRoles: ['agent'],
    action: 'card.suspend',
    memberId: BIG_MEMBER_ID,
    cardRef: '5412 75** **** 1234',
    requestSummary: { reason: 'lost', amount: '12.50' },
    outcome: 'ok',
    resultCode: '0000',
    correlationId: randomUUID(),
    durationMs: 42,
    clientIp: '127.0.0.1',
    userAgent: 'vitest',
    prevHash: null,
    hash: 'h-' + randomUUID(),
    ...overrides,
  };
}

describeOnDatabases('audit tables', (database) => {
  it('stores and reads an audit event with a 19-digit member id intact', async () => {
    const { db } = database;
    const [inserted] = await db.insert(auditEvents).values(auditEvent()).returning();
    expect(inserted).toBeDefined();
    expect(typeof inserted!.id).toBe('number');
    expect(inserted!.at).toBeInstanceOf(Date);

    const [read] = await db.select().from(auditEvents).where(eq(auditEvents.id, inserted!.id));
    expect(read?.memberId).toBe(BIG_MEMBER_ID);
    expect(read?.requestSummary).toEqual({ reason: 'lost', amount: '12.50' });
    expect(read?.operatorRoles).toEqual(['agent']);
    expect(read?.outcome).toBe('ok');

    // Filtering by member id compares text, not a rounded number.
    const byMember = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.memberId, '9007199254740992123'));
    expect(byMember).toEqual([]);

    // Keyset pagination order: at desc, id desc.
    await db.insert(auditEvents).values([auditEvent({ action: 'card.view' }), auditEvent({ action: 'card.view' })]);
    const page = await db.select().from(auditEvents).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(2);
    expect(page).toHaveLength(2);
    expect(page[0]!.id).toBeGreaterThan(page[1]!.id);

    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ memberId: '12345678901234567890' })))).toMatch(
      /audit_events_member_id_digits|23514/,
    );
    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ memberId: '12a4' })))).toMatch(
      /audit_events_member_id_digits|23514/,
    );
    expect(await failureOf(db.insert(auditEvents).values(auditEvent({ outcome: 'maybe' as 'ok' })))).toMatch(
      /audit_events_outcome_known|23514/,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const { db } = database;
    const [row] = await db.insert(auditEvents).values(auditEvent({ action: 'card.resume' })).returning();
    const id = row!.id;

    expect(await failureOf(db.update(auditEvents).set({ outcome: 'rejected' }).where(eq(auditEvents.id, id)))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await failureOf(db.delete(auditEvents).where(eq(auditEvents.id, id)))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`delete from audit_events`))).toMatch(/append-only: DELETE refused/);
    expect(await failureOf(db.execute(sql`truncate audit_events cascade`))).toMatch(/append-only: TRUNCATE refused/);

    // A refused change inside a transaction rolls the transaction back.
    expect(
      await failureOf(
        db.transaction(async (tx) => {
          await tx.insert(auditEvents).values(auditEvent({ action: 'in-tx' }));
          await tx.update(auditEvents).set({ hash: 'x' });
        }),
      ),
    ).toMatch(/append-only/);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'in-tx'))).toEqual([]);

    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(still?.outcome).toBe('ok');
  });

  it('records card state history linked to an audit event', async () => {
    const { db } = database;
    const [event] = await db.insert(auditEvents).values(auditEvent({ action: 'card.inquire' })).returning();
    const state = {
      lifeStatus: 'ACTIVE',
      bizStatus: 'NORMAL',
      mobileStatus: 'ACTIVE',
      physicalStatus: 'NOT_ISSUED',
      balance: '1000.00',
      pendingAmount: '0.00',
      expiryDate: '2030-12',
    };
    await db.insert(cardStateHistory).values([
      { memberId: BIG_MEMBER_ID, par: 'PAR-1', state, stateHash: 'a', observedAt: new Date('2026-01-01T00:00:00Z') },
      {
        memberId: BIG_MEMBER_ID,
        par: 'PAR-1',
        state: { ...state, lifeStatus: 'SUSPENDED' },
        stateHash: 'b',
        auditEventId: event!.id,
        observedAt: new Date('2026-01-02T00:00:00Z'),
      },
    ]);
    const [latest] = await db
      .select()
      .from(cardStateHistory)
      .where(eq(cardStateHistory.par, 'PAR-1'))
      .orderBy(desc(cardStateHistory.observedAt))
      .limit(1);
    expect(latest).toMatchObject({ stateHash: 'b', auditEventId: event!.id, memberId: BIG_MEMBER_ID });
    expect(latest?.state.lifeStatus).toBe('SUSPENDED');
  });
});

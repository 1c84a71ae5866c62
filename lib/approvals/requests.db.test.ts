import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/audit/append';
import { closeDatabase, openDatabase, type Database } from '@/lib/db/client';
import { approvalRequests, auditEvents, operators } from '@/lib/db/schema';
import { describeOnDatabases, describeOnPostgres, failureOf } from '@/lib/db/testing/database-suite';
import type { AuditRecorder } from '@/lib/review/audit';
import { member, operator } from '@/lib/review/testing/seed';
import {
  approveRequest,
  countPendingRequests,
  expireDueRequests,
  getApprovalRequest,
  latestPendingRequest,
  listPendingRequests,
  recordExecution,
  rejectRequest,
  requestApproval,
  withdrawRequest,
  type ApprovalDeps,
  type NewApprovalRequest,
} from './requests';

const NOW = new Date('2026-11-25T01:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

const maker = operator(1, ['agent']);
const checker = operator(2, ['manager']);
const secondChecker = operator(3, ['manager']);

const auditOn =
  (db: Database): AuditRecorder =>
  (input) =>
    appendAuditEvent(db, input);

async function seedOperators(db: Database) {
  await db
    .insert(operators)
    .values([maker, checker, secondChecker].map((o) => ({ id: o.id, email: o.email, name: o.email, roles: o.roles })))
    .onConflictDoNothing();
}

const reissue = (overrides: Partial<NewApprovalRequest> = {}): NewApprovalRequest => ({
  action: 'reissue-prepaid',
  memberId: member(1),
  cardRef: 'PAR0000000000000000000000001',
  input: { nextServiceId: null, isDeliveryRequired: false },
  reason: 'lost',
  idempotencyKey: randomUUID(),
  maker,
  ttlMinutes: 30,
  ...overrides,
});

async function actionsOf(db: Database, approvalRequestId: string): Promise<string[]> {
  const rows = await db.select({ action: auditEvents.action, request: auditEvents.requestSummary }).from(auditEvents).orderBy(auditEvents.id);
  return rows.filter((r) => (r.request as Record<string, unknown> | null)?.approvalRequestId === approvalRequestId).map((r) => r.action);
}

describeOnDatabases('maker–checker approval requests', (database) => {
  const deps = (now = NOW): ApprovalDeps => ({ db: database.db, audit: auditOn(database.db), now });

  it('holds a request once per form, audited; the queue lists it with its expiry', async () => {
    const { db } = database;
    await seedOperators(db);
    const input = reissue();
    const first = await requestApproval(input, deps());
    expect(first.created).toBe(true);
    expect(first.request).toMatchObject({ status: 'pending', makerEmail: maker.email, expiresAt: at(30).toISOString(), reason: 'lost' });
    // The same form sent twice finds the first request.
    const again = await requestApproval(input, deps(at(1)));
    expect(again).toEqual({ request: first.request, created: false });
    expect(await listPendingRequests({ db, now: at(1) })).toEqual([first.request]);
    expect(await countPendingRequests({ db, now: at(1) })).toBe(1);
    expect(await actionsOf(db, first.request.id)).toEqual(['approval-requested']);
  });

  it('refuses self-approval on the server, in the query and in the table', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue(), deps());
    expect(await approveRequest(request.id, maker, null, deps(at(1)))).toMatchObject({ ok: false, reason: 'own-request' });
    expect(await rejectRequest(request.id, maker, 'no', deps(at(1)))).toMatchObject({ ok: false, reason: 'own-request' });
    expect(await failureOf(db.update(approvalRequests).set({ checkerId: maker.id }).where(eq(approvalRequests.id, request.id)))).toContain(
      'approval_requests_not_self_approved',
    );
    expect((await getApprovalRequest(request.id, { db }))?.status).toBe('pending');
  });

  it('executes once when two checkers approve at the same moment', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue(), deps());
    const results = await Promise.all([
      approveRequest(request.id, checker, null, deps(at(2))),
      approveRequest(request.id, secondChecker, null, deps(at(2))),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'already-decided' });
    const executed = await recordExecution(request.id, { status: 'ok', message: 'Reissued', code: '000_000', correlationId: 'c-1' }, { db });
    expect(executed).toMatchObject({ status: 'executed', outcome: { code: '000_000' } });
    // Recorded once: a second record for the same request changes nothing.
    expect(await recordExecution(request.id, { status: 'ok', message: 'again' }, { db })).toBeUndefined();
    expect(await actionsOf(db, request.id)).toEqual(['approval-requested', 'approval-approved']);
  });

  it('rejects with a reason; a decided request cannot be approved, withdrawn or rejected again', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue(), deps());
    expect(await rejectRequest(request.id, checker, 'The member called back: card found', deps(at(3)))).toMatchObject({
      ok: true,
      request: { status: 'rejected', checkerEmail: checker.email, decisionComment: 'The member called back: card found' },
    });
    expect(await approveRequest(request.id, secondChecker, null, deps(at(4)))).toMatchObject({ ok: false, reason: 'already-decided' });
    expect(await withdrawRequest(request.id, maker, deps(at(4)))).toMatchObject({ ok: false, reason: 'already-decided' });
    expect(await actionsOf(db, request.id)).toEqual(['approval-requested', 'approval-rejected']);
  });

  it('lets only the maker withdraw a pending request', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue(), deps());
    expect(await withdrawRequest(request.id, checker, deps(at(1)))).toMatchObject({ ok: false, reason: 'not-maker' });
    expect(await withdrawRequest(request.id, maker, deps(at(1)))).toMatchObject({ ok: true, request: { status: 'withdrawn' } });
    expect(await approveRequest(request.id, checker, null, deps(at(2)))).toMatchObject({ ok: false, reason: 'already-decided' });
    expect(await actionsOf(db, request.id)).toEqual(['approval-requested', 'approval-withdrawn']);
  });

  it('expires: an expired request cannot execute, and is marked expired with its event', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue({ ttlMinutes: 30 }), deps());
    expect(await approveRequest(request.id, checker, null, deps(at(30)))).toMatchObject({ ok: false, reason: 'expired' });
    expect(await listPendingRequests({ db, now: at(30) })).not.toContainEqual(expect.objectContaining({ id: request.id }));
    expect(await expireDueRequests(deps(at(31)))).toBeGreaterThanOrEqual(1);
    expect((await getApprovalRequest(request.id, { db }))?.status).toBe('expired');
    expect(await approveRequest(request.id, checker, null, deps(at(32)))).toMatchObject({ ok: false, reason: 'expired' });
    expect(await actionsOf(db, request.id)).toEqual(['approval-requested', 'approval-expired']);
  });

  it('names the newest replacement of a card still waiting, but not the one being decided', async () => {
    const { db } = database;
    const par = 'PAR0000000000000000000000009';
    const card = { action: 'reissue-prepaid' as const, memberId: member(9), cardRef: par };
    const first = await requestApproval(reissue({ memberId: member(9), cardRef: par }), deps());
    const second = await requestApproval(reissue({ memberId: member(9), cardRef: par }), deps(at(5)));
    expect(await latestPendingRequest({ ...card, now: at(6) }, { db })).toMatchObject({ id: second.request.id });
    expect(await latestPendingRequest({ ...card, now: at(6), except: second.request.id }, { db })).toMatchObject({ id: first.request.id });
    await withdrawRequest(first.request.id, maker, deps(at(7)));
    expect(await latestPendingRequest({ ...card, now: at(8), except: second.request.id }, { db })).toBeUndefined();
    // Expired: no longer waiting.
    expect(await latestPendingRequest({ ...card, now: at(40) }, { db })).toBeUndefined();
  });

  it('keeps only known actions and statuses, and member ids as digits', async () => {
    const { db } = database;
    const { request } = await requestApproval(reissue(), deps());
    expect(await failureOf(db.update(approvalRequests).set({ status: 'done' as never }).where(eq(approvalRequests.id, request.id)))).toContain(
      'approval_requests_status_known',
    );
    expect(await failureOf(requestApproval(reissue({ memberId: '12a' }), deps()))).toContain('approval_requests_member_digits');
  });
});

describeOnPostgres('maker–checker across two console instances', (database) => {
  it('executes once when checkers on two instances approve at once', async () => {
    const first = database.db;
    const second = await openDatabase(database.options);
    try {
      await seedOperators(first);
      for (let round = 0; round < 5; round += 1) {
        const { request } = await requestApproval(reissue(), { db: first, audit: auditOn(first), now: NOW });
        const results = await Promise.all([
          approveRequest(request.id, checker, null, { db: first, audit: auditOn(first), now: at(1) }),
          approveRequest(request.id, secondChecker, null, { db: second, audit: auditOn(second), now: at(1) }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      }
    } finally {
      await closeDatabase(second);
    }
  });
});


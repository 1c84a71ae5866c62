import 'server-only';
import { and, asc, desc, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { AuditActor } from '@/lib/audit/append';
import { assertAuditWritable } from '@/lib/audit/record';
import { getDb, type Database } from '@/lib/db/client';
import { approvalRequests, type ApprovalRequestRow } from '@/lib/db/schema';
import type { ApprovableAction, ApprovalOutcome, ApprovalRequestView } from '@/lib/domain/approvals';
import { errorFields, logger } from '@/lib/log/logger';
import { defaultAuditRecorder, type AuditRecorder } from '@/lib/review/audit';

/**
 * The life of an approval request. Every move is one conditional UPDATE (`WHERE status =
 * 'pending' AND …`): whichever of two checkers, on whichever console instance, gets the row
 * back is the one who decided; the other is told it was already decided. Each move is audited
 * after it is made, and nothing moves while the audit store is down.
 */

export interface ApprovalDeps {
  db?: Database;
  audit?: AuditRecorder;
  now?: Date;
}

/** An operator as the approval rules need them: who, for the audit and for "not your own". */
export type ApprovalActor = AuditActor & { id: string; email: string };

export function toApprovalView(row: ApprovalRequestRow): ApprovalRequestView {
  return {
    id: row.id,
    action: row.action,
    status: row.status,
    memberId: row.memberId,
    cardRef: row.cardRef,
    input: row.input,
    reason: row.reason,
    reasonText: row.reasonText,
    makerId: row.makerId,
    makerEmail: row.makerEmail,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    checkerEmail: row.checkerEmail,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionComment: row.decisionComment,
    outcome: row.outcome,
  };
}

/** What the request names, for its audit events and the timelines. */
const auditSubject = (row: ApprovalRequestRow) => ({
  memberId: row.memberId,
  cardRef: row.cardRef ?? undefined,
});

const auditDetail = (row: ApprovalRequestRow, extra: Record<string, unknown> = {}) => ({
  approvalRequestId: row.id,
  requestedAction: row.action,
  reason: row.reason ?? undefined,
  reasonText: row.reasonText ?? undefined,
  makerEmail: row.makerEmail,
  ...extra,
});

async function audited(deps: ApprovalDeps, event: Parameters<AuditRecorder>[0], row: ApprovalRequestRow): Promise<number> {
  try {
    return (await (deps.audit ?? defaultAuditRecorder)(event)).id;
  } catch (error) {
    // The move is made and cannot be unmade: say loudly that its event is missing.
    logger().error({ approvalRequestId: row.id, action: event.action, error: errorFields(error) }, 'approval request change not audited');
    throw error;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The maker                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export interface NewApprovalRequest {
  action: ApprovableAction;
  memberId: string;
  cardRef?: string;
  /** Validated input that may be kept: never a CVC, a full PAN or an identity number. */
  input: Record<string, unknown>;
  reason?: string;
  reasonText?: string;
  idempotencyKey: string;
  maker: ApprovalActor;
  ttlMinutes: number;
}

/**
 * Holds an action for a checker. The maker's form key makes a second submission of the same
 * form find the first request instead of making another.
 */
export async function requestApproval(input: NewApprovalRequest, deps: ApprovalDeps = {}): Promise<{ request: ApprovalRequestView; created: boolean }> {
  if (!deps.audit) await assertAuditWritable();
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const [inserted] = await db
    .insert(approvalRequests)
    .values({
      action: input.action,
      memberId: input.memberId,
      cardRef: input.cardRef ?? null,
      input: input.input,
      reason: input.reason ?? null,
      reasonText: input.reasonText || null,
      idempotencyKey: input.idempotencyKey,
      makerId: input.maker.id,
      makerEmail: input.maker.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.ttlMinutes * 60_000),
    })
    .onConflictDoNothing({ target: approvalRequests.idempotencyKey })
    .returning();
  if (!inserted) {
    const [existing] = await db.select().from(approvalRequests).where(eq(approvalRequests.idempotencyKey, input.idempotencyKey)).limit(1);
    if (!existing) throw new Error('approval request vanished after a conflicting insert');
    return { request: toApprovalView(existing), created: false };
  }
  await audited(
    deps,
    { actor: input.maker, action: 'approval-requested', outcome: 'ok', ...auditSubject(inserted), request: auditDetail(inserted, { expiresAt: inserted.expiresAt.toISOString() }) },
    inserted,
  );
  return { request: toApprovalView(inserted), created: true };
}

/* ------------------------------------------------------------------------------------------ */
/* Decisions                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export type DecisionRefusal = 'not-found' | 'own-request' | 'not-maker' | 'expired' | 'already-decided';

export type DecisionResult = { ok: true; request: ApprovalRequestView; row: ApprovalRequestRow } | { ok: false; reason: DecisionRefusal; request?: ApprovalRequestView };

/** Why a conditional update matched nothing: read the row as it is now. */
async function refusal(db: Database, id: string, actor: ApprovalActor, role: 'checker' | 'maker', now: Date): Promise<DecisionResult> {
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)).limit(1);
  if (!row) return { ok: false, reason: 'not-found' };
  const request = toApprovalView(row);
  if (row.status === 'expired') return { ok: false, reason: 'expired', request };
  if (row.status !== 'pending') return { ok: false, reason: 'already-decided', request };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired', request };
  if (role === 'checker' && row.makerId === actor.id) return { ok: false, reason: 'own-request', request };
  return { ok: false, reason: 'not-maker', request };
}

/** A checker's move on a pending, unexpired request that is not their own. */
async function decide(
  id: string,
  checker: ApprovalActor,
  to: 'executing' | 'rejected',
  comment: string | null,
  deps: ApprovalDeps,
): Promise<DecisionResult> {
  if (!deps.audit) await assertAuditWritable();
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const [row] = await db
    .update(approvalRequests)
    .set({ status: to, checkerId: checker.id, checkerEmail: checker.email, decidedAt: now, decisionComment: comment })
    .where(
      and(
        eq(approvalRequests.id, id),
        eq(approvalRequests.status, 'pending'),
        gt(approvalRequests.expiresAt, now),
        // Nobody approves their own request (the table refuses it too).
        sql`${approvalRequests.makerId} IS DISTINCT FROM ${checker.id}`,
      ),
    )
    .returning();
  if (!row) return refusal(db, id, checker, 'checker', now);
  await audited(
    deps,
    {
      actor: checker,
      action: to === 'executing' ? 'approval-approved' : 'approval-rejected',
      outcome: 'ok',
      ...auditSubject(row),
      request: auditDetail(row, { comment: comment ?? undefined }),
    },
    row,
  );
  return { ok: true, request: toApprovalView(row), row };
}

/**
 * The approval: claims the request for execution. Only the checker who gets `ok` executes it
 * (lib/approvals/execute.ts), then records the outcome with `recordExecution`.
 */
export function approveRequest(id: string, checker: ApprovalActor, comment: string | null, deps: ApprovalDeps = {}): Promise<DecisionResult> {
  return decide(id, checker, 'executing', comment, deps);
}

export function rejectRequest(id: string, checker: ApprovalActor, comment: string, deps: ApprovalDeps = {}): Promise<DecisionResult> {
  return decide(id, checker, 'rejected', comment, deps);
}

/** The maker takes back a request nobody has decided yet. */
export async function withdrawRequest(id: string, maker: ApprovalActor, deps: ApprovalDeps = {}): Promise<DecisionResult> {
  if (!deps.audit) await assertAuditWritable();
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const [row] = await db
    .update(approvalRequests)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'pending'), gt(approvalRequests.expiresAt, now), eq(approvalRequests.makerId, maker.id)))
    .returning();
  if (!row) return refusal(db, id, maker, 'maker', now);
  await audited(deps, { actor: maker, action: 'approval-withdrawn', outcome: 'ok', ...auditSubject(row), request: auditDetail(row) }, row);
  return { ok: true, request: toApprovalView(row), row };
}

/** The outcome of the one execution of an approved request. */
export async function recordExecution(
  id: string,
  outcome: ApprovalOutcome,
  deps: Pick<ApprovalDeps, 'db' | 'now'> = {},
): Promise<ApprovalRequestView | undefined> {
  const db = deps.db ?? (await getDb());
  const [row] = await db
    .update(approvalRequests)
    .set({ status: outcome.status === 'ok' ? 'executed' : 'failed', executedAt: deps.now ?? new Date(), outcome })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, 'executing')))
    .returning();
  return row && toApprovalView(row);
}

/**
 * Marks the pending requests whose time is up as expired, each with its audit event (by the
 * system). Run before the queue is read, so that what a checker sees is what they may decide.
 */
export async function expireDueRequests(deps: ApprovalDeps = {}): Promise<number> {
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const rows = await db
    .update(approvalRequests)
    .set({ status: 'expired', decidedAt: now })
    .where(and(eq(approvalRequests.status, 'pending'), lte(approvalRequests.expiresAt, now)))
    .returning();
  for (const row of rows) {
    await audited(
      deps,
      { actor: { id: null, email: null, roles: [] }, action: 'approval-expired', outcome: 'ok', ...auditSubject(row), request: auditDetail(row, { expiresAt: row.expiresAt.toISOString() }) },
      row,
    );
  }
  return rows.length;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export async function getApprovalRequest(id: string, options: { db?: Database } = {}): Promise<ApprovalRequestView | undefined> {
  const db = options.db ?? (await getDb());
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)).limit(1);
  return row && toApprovalView(row);
}

/** The newest request of `action` on a card still waiting for a checker (a reissue preview names it). */
export async function latestPendingRequest(
  filter: { action: ApprovableAction; memberId: string; cardRef: string; now?: Date; except?: string },
  options: { db?: Database } = {},
): Promise<ApprovalRequestView | undefined> {
  const db = options.db ?? (await getDb());
  const [row] = await db
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.status, 'pending'),
        eq(approvalRequests.action, filter.action),
        eq(approvalRequests.memberId, filter.memberId),
        eq(approvalRequests.cardRef, filter.cardRef),
        gt(approvalRequests.expiresAt, filter.now ?? new Date()),
        filter.except ? ne(approvalRequests.id, filter.except) : undefined,
      ),
    )
    .orderBy(desc(approvalRequests.createdAt))
    .limit(1);
  return row && toApprovalView(row);
}

/** The checkers' queue: pending requests, oldest first (the next to expire on top). */
export async function listPendingRequests(options: { db?: Database; now?: Date } = {}): Promise<ApprovalRequestView[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, 'pending'), gt(approvalRequests.expiresAt, options.now ?? new Date())))
    .orderBy(asc(approvalRequests.expiresAt))
    .limit(200);
  return rows.map(toApprovalView);
}

export async function countPendingRequests(options: { db?: Database; now?: Date } = {}): Promise<number> {
  const db = options.db ?? (await getDb());
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, 'pending'), gt(approvalRequests.expiresAt, options.now ?? new Date())));
  return Number(row?.n ?? 0);
}

/** Recent requests: a maker's own (to follow them), or everyone's decided ones (for the record). */
export async function listRecentRequests(
  filter: { makerId?: string; memberId?: string; excludeStatus?: 'pending' },
  options: { db?: Database; limit?: number } = {},
): Promise<ApprovalRequestView[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(
      and(
        filter.makerId ? eq(approvalRequests.makerId, filter.makerId) : undefined,
        filter.memberId ? eq(approvalRequests.memberId, filter.memberId) : undefined,
        filter.excludeStatus ? ne(approvalRequests.status, filter.excludeStatus) : undefined,
      ),
    )
    .orderBy(desc(approvalRequests.createdAt))
    .limit(options.limit ?? 50);
  return rows.map(toApprovalView);
}

/** What the Approvals page shows an operator: the queue if they may decide, and their own requests. */
export interface ApprovalsBoard {
  pending: ApprovalRequestView[];
  mine: ApprovalRequestView[];
  mayDecide: boolean;
}

export async function approvalsBoard(operator: { id: string; mayDecide: boolean }, deps: ApprovalDeps = {}): Promise<ApprovalsBoard> {
  await expireDueRequests(deps);
  const [pending, mine] = await Promise.all([
    operator.mayDecide ? listPendingRequests({ db: deps.db, now: deps.now }) : Promise.resolve([]),
    listRecentRequests({ makerId: operator.id }, { db: deps.db, limit: 20 }),
  ]);
  return { pending, mine, mayDecide: operator.mayDecide };
}

import 'server-only';
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { appendLocked, lockChain, type AuditActor } from '@/lib/audit/append';
import { canonicalJson } from '@/lib/audit/chain';
import { getDb, type Database } from '@/lib/db/client';
import { reviewAccessSignOffs, type ReviewAccessSignOff } from '@/lib/db/schema';
import { listOperators } from '@/lib/auth/operators';
import { checkComment, type CommentProblem } from './comment';
import type { ReviewDeps } from './findings';
import { reviewSettings, type ReviewSettings } from './settings';
import { toNumber } from './sql';
import { addKstMonths, DAY_MS } from './time';
import {
  mayManageReview,
  type AccessReview,
  type AccessReviewEntry,
  type AccessReviewFlag,
  type AccessReviewSchedule,
  type AccessReviewSignOffView,
  type OperatorMfaState,
} from '@/lib/domain/review';

/**
 * The access review (PCI DSS 7.2.4): every operator with their roles, second factor, last
 * sign-in and company identity, flagged when worth a look; a manager's or admin's sign-off keeps
 * the list as signed (append-only), and the next review falls due ACCESS_REVIEW_INTERVAL_MONTHS
 * later.
 */

type AccessDeps = ReviewDeps & { settings?: ReviewSettings };

function entryOf(
  row: {
    id: string;
    email: string;
    name: string;
    roles: string[];
    active: boolean;
    createdAt: Date;
    lastSignInAt: Date | null;
    lockedUntil: Date | null;
    totpEnrolledAt: Date | null;
    hasPassword: boolean;
    oidcSubject: string | null;
  },
  now: Date,
  dormantDays: number,
): AccessReviewEntry {
  const mfa: OperatorMfaState = !row.hasPassword ? 'idp' : row.totpEnrolledAt ? 'totp' : 'not-enrolled';
  const flags: AccessReviewFlag[] = [];
  const lastActivity = row.lastSignInAt ?? row.createdAt;
  if (row.active && now.getTime() - lastActivity.getTime() >= dormantDays * DAY_MS) flags.push('dormant');
  if (row.active && !row.lastSignInAt) flags.push('never-signed-in');
  if (row.active && mfa === 'not-enrolled') flags.push('mfa-not-enrolled');
  if (row.roles.includes('admin')) flags.push('privileged');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: [...row.roles].sort(),
    active: row.active,
    mfa,
    totpEnrolledAt: row.totpEnrolledAt?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    companyIdentityLinked: row.oidcSubject !== null,
    hasPassword: row.hasPassword,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    flags,
  };
}

/** What a sign-off attests: who has which access (not when they last signed in, which moves all day). */
export function accessSnapshotHash(entries: readonly AccessReviewEntry[]): string {
  const attested = [...entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, email, roles, active, mfa, companyIdentityLinked, hasPassword }) => ({ id, email, roles, active, mfa, companyIdentityLinked, hasPassword }));
  return createHash('sha256').update(canonicalJson(attested)).digest('hex');
}

function toSignOffView(row: ReviewAccessSignOff): AccessReviewSignOffView {
  return {
    id: toNumber(row.id),
    signedAt: row.signedAt.toISOString(),
    signedById: row.signedBy,
    signedByEmail: row.signedByEmail,
    signedByRoles: row.signedByRoles,
    comment: row.comment,
    snapshotHash: row.snapshotHash,
    operatorCount: row.operatorCount,
    flaggedCount: row.flaggedCount,
  };
}

function scheduleAfter(last: AccessReviewSignOffView | null, now: Date, intervalMonths: number): AccessReviewSchedule {
  if (!last) return { lastSignOff: null, nextDueAt: null, overdue: true };
  const nextDue = addKstMonths(new Date(last.signedAt), intervalMonths);
  return { lastSignOff: last, nextDueAt: nextDue.toISOString(), overdue: now >= nextDue };
}

/** The last sign-off, the next due date and whether it is overdue (the overview's status). */
export async function accessReviewSchedule(deps: AccessDeps = {}): Promise<AccessReviewSchedule> {
  const db = deps.db ?? (await getDb());
  const settings = deps.settings ?? reviewSettings();
  const [last] = await db.select().from(reviewAccessSignOffs).orderBy(desc(reviewAccessSignOffs.signedAt), desc(reviewAccessSignOffs.id)).limit(1);
  return scheduleAfter(last ? toSignOffView(last) : null, deps.now ?? new Date(), settings.accessReview.intervalMonths);
}

/** Every operator (by e-mail), flagged, with the review's schedule and the hash a sign-off sends back. */
export async function getAccessReview(deps: AccessDeps = {}): Promise<AccessReview> {
  const db = deps.db ?? (await getDb());
  const settings = deps.settings ?? reviewSettings();
  const now = deps.now ?? new Date();
  const rows = await listOperators(db);
  const entries = rows.map((row) => entryOf(row, now, settings.accessReview.dormantDays));
  return {
    ...(await accessReviewSchedule({ db, settings, now })),
    generatedAt: now.toISOString(),
    operators: entries,
    snapshotHash: accessSnapshotHash(entries),
    dormantDays: settings.accessReview.dormantDays,
  };
}

export interface AccessSignOffInput {
  /** An operator with `review.manage`. */
  actor: AuditActor;
  comment: string;
  /** AccessReview.snapshotHash of the list the reviewer saw. */
  snapshotHash: string;
}

export type AccessSignOffResult =
  | { ok: true; signOff: AccessReviewSignOffView; schedule: AccessReviewSchedule; auditEventId: number }
  /** `stale`: access changed since the list was shown; `review` is the list as it is now. */
  | { ok: false; reason: 'stale'; review: AccessReview }
  | { ok: false; reason: 'forbidden' | CommentProblem };

/** Signs off the access review as it is now, if that is what the reviewer saw; audited (`access-review-sign-off`). */
export async function signOffAccessReview(input: AccessSignOffInput, deps: AccessDeps = {}): Promise<AccessSignOffResult> {
  const { actor } = input;
  if (!actor.id || !actor.email || !mayManageReview(actor.roles)) return { ok: false, reason: 'forbidden' };
  const signedBy = actor.id;
  const signedByEmail = actor.email;
  const checked = checkComment(input.comment);
  if (!checked.ok) return { ok: false, reason: checked.problem };
  const db = deps.db ?? (await getDb());
  const settings = deps.settings ?? reviewSettings();
  const now = deps.now ?? new Date();
  const review = await getAccessReview({ db, settings, now });
  if (review.snapshotHash !== input.snapshotHash) return { ok: false, reason: 'stale', review };

  // The sign-off and its `access-review-sign-off` event in one transaction: neither without the other.
  return db.transaction(async (tx) => {
    await lockChain(tx);
    const [row] = await tx
      .insert(reviewAccessSignOffs)
      .values({
        signedAt: now,
        signedBy,
        signedByEmail,
        signedByRoles: [...actor.roles],
        comment: checked.comment,
        snapshot: review.operators,
        snapshotHash: review.snapshotHash,
        operatorCount: review.operators.length,
        flaggedCount: review.operators.filter((entry) => entry.flags.some((flag) => flag !== 'privileged')).length,
      })
      .returning();
    const signOff = toSignOffView(row!);
    const audited = await appendLocked(
      tx as unknown as Database,
      {
        actor,
        action: 'access-review-sign-off',
        outcome: 'ok',
        request: {
          signOffId: signOff.id,
          operators: signOff.operatorCount,
          flagged: signOff.flaggedCount,
          snapshotHash: signOff.snapshotHash,
          comment: signOff.comment,
        },
      },
      { client: deps.client },
    );
    return { ok: true as const, signOff, schedule: scheduleAfter(signOff, now, settings.accessReview.intervalMonths), auditEventId: audited.id };
  });
}

/** Sign-offs, newest first. */
export async function listAccessReviewSignOffs(options: { limit?: number; db?: Database } = {}): Promise<AccessReviewSignOffView[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(reviewAccessSignOffs)
    .orderBy(desc(reviewAccessSignOffs.signedAt), desc(reviewAccessSignOffs.id))
    .limit(Math.min(Math.max(options.limit ?? 20, 1), 200));
  return rows.map(toSignOffView);
}

/** One sign-off with the operator list as it was signed. */
export async function getAccessReviewSignOff(
  id: number,
  options: { db?: Database } = {},
): Promise<(AccessReviewSignOffView & { snapshot: AccessReviewEntry[] }) | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = options.db ?? (await getDb());
  const [row] = await db.select().from(reviewAccessSignOffs).where(eq(reviewAccessSignOffs.id, id));
  return row ? { ...toSignOffView(row), snapshot: row.snapshot } : null;
}

// Part of the Drizzle schema re-exported by lib/db/schema.ts (see schema/common.ts): maker–checker
// approval requests (lib/approvals).
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPROVABLE_ACTIONS, APPROVAL_STATUSES, type ApprovableAction, type ApprovalOutcome, type ApprovalPolicy, type ApprovalStatus } from '../../domain/approvals';
import { createdAt, sqlList } from './common';
import { operators } from './operators';

const time = (name: string) => timestamp(name, { withTimezone: true });

/* ------------------------------------------------------------------------------------------ */
/* approval_requests: an action held for a second operator. The maker's validated input is    */
/* kept without what must never be stored (a CVC, an identity number: the checker re-enters   */
/* those). A decision is one conditional UPDATE, so two checkers cannot both win, whatever     */
/* console instance each one uses; the maker can never be the checker (also a constraint).    */
/* ------------------------------------------------------------------------------------------ */

export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    action: text('action').$type<ApprovableAction>().notNull(),
    status: text('status').$type<ApprovalStatus>().notNull().default('pending'),
    memberId: text('member_id').notNull(),
    cardRef: text('card_ref'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    reason: text('reason'),
    reasonText: text('reason_text'),
    /** The maker's form key: the upstream call is made once under it, by whoever executes. */
    idempotencyKey: uuid('idempotency_key').notNull(),
    makerId: uuid('maker_id').references(() => operators.id, { onDelete: 'set null' }),
    makerEmail: text('maker_email').notNull(),
    createdAt: createdAt(),
    expiresAt: time('expires_at').notNull(),
    checkerId: uuid('checker_id').references(() => operators.id, { onDelete: 'set null' }),
    checkerEmail: text('checker_email'),
    decidedAt: time('decided_at'),
    decisionComment: text('decision_comment'),
    executedAt: time('executed_at'),
    /** How the execution went; its audit event carries this request's id. */
    outcome: jsonb('outcome').$type<ApprovalOutcome>(),
  },
  (t) => [
    uniqueIndex('approval_requests_idempotency_key_unique').on(t.idempotencyKey),
    index('approval_requests_status_idx').on(t.status, t.createdAt),
    index('approval_requests_member_idx').on(t.memberId, t.createdAt.desc()),
    check('approval_requests_action_known', sql`${t.action} IN (${sqlList(APPROVABLE_ACTIONS)})`),
    check('approval_requests_status_known', sql`${t.status} IN (${sqlList(APPROVAL_STATUSES)})`),
    check('approval_requests_member_digits', sql`${t.memberId} ~ '^[0-9]{1,19}$'`),
    check('approval_requests_not_self_approved', sql`${t.checkerId} IS NULL OR ${t.makerId} IS NULL OR ${t.checkerId} <> ${t.makerId}`),
    check('approval_requests_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;

/* ------------------------------------------------------------------------------------------ */
/* approval_policy: the policy an admin set (one row); none: the env's (lib/approvals/policy). */
/* ------------------------------------------------------------------------------------------ */

export const approvalPolicy = pgTable(
  'approval_policy',
  {
    id: text('id').primaryKey().default('current'),
    policy: jsonb('policy').$type<ApprovalPolicy>().notNull(),
    updatedBy: uuid('updated_by').references(() => operators.id, { onDelete: 'set null' }),
    updatedByEmail: text('updated_by_email').notNull(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [check('approval_policy_single_row', sql`${t.id} = 'current'`)],
);

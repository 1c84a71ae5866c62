// Part of the Drizzle schema re-exported by lib/db/schema.ts (see schema/common.ts).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CardStateSnapshot } from '../../domain/audit';
import { AUDIT_OUTCOMES, sqlList, type AuditOutcome, type OperatorRole } from './common';

/* ------------------------------------------------------------------------------------------ */
/* audit_events: append-only (UPDATE/TRUNCATE refused by a trigger; DELETE only by the audited */
/* retention purge of old rows, see migration 0003 and lib/audit/purge.ts)                     */
/* ------------------------------------------------------------------------------------------ */

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    operatorId: uuid('operator_id'),
    operatorEmail: text('operator_email'),
    operatorRoles: text('operator_roles').array().$type<OperatorRole[]>().notNull().default(sql`'{}'::text[]`),
    action: text('action').notNull(),
    /** Digit string of up to 19 digits; text so it never round-trips through a JS number. */
    memberId: text('member_id'),
    /** Masked PAN or PAR, never a clear PAN. */
    cardRef: text('card_ref'),
    requestSummary: jsonb('request_summary').$type<Record<string, unknown>>(),
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    resultCode: text('result_code'),
    correlationId: text('correlation_id'),
    durationMs: integer('duration_ms'),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    /** Hash of the previous event (null for the first one): a tamper-evident chain. */
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    // Time-ordered listing with keyset pagination: ORDER BY at DESC, id DESC. Each filter's
    // index ends with (at DESC, id DESC) so a filtered page is one index range scan, in order,
    // stopping after the page size (see lib/audit/queries.ts and scripts/bench/audit-queries.ts). NULLS FIRST
    // is what a plain `ORDER BY at DESC, id DESC` means: with drizzle's default NULLS LAST the
    // planner cannot use these indexes for that order (it sorts the whole table instead).
    index('audit_events_at_id_idx').on(t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_operator_idx').on(t.operatorId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_operator_email_idx').on(t.operatorEmail, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_member_idx').on(t.memberId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_action_idx').on(t.action, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_outcome_idx').on(t.outcome, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_result_code_idx').on(t.resultCode, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_events_correlation_idx').on(t.correlationId, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // A card's events (lib/review/rules.ts: a reissued card's issuance; a future "card" filter).
    index('audit_events_card_ref_idx').on(t.cardRef, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('audit_events_member_id_digits', sql`${t.memberId} ~ '^[0-9]{1,19}$'`),
    check('audit_events_outcome_known', sql`${t.outcome} IN (${sqlList(AUDIT_OUTCOMES)})`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/* ------------------------------------------------------------------------------------------ */
/* card_state_history                                                                         */
/* ------------------------------------------------------------------------------------------ */

export const cardStateHistory = pgTable(
  'card_state_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
    memberId: text('member_id').notNull(),
    par: text('par').notNull(),
    state: jsonb('state').$type<CardStateSnapshot>().notNull(),
    /** Hash of the canonical state: lets writers skip rows identical to the latest one. */
    stateHash: text('state_hash').notNull(),
    auditEventId: bigint('audit_event_id', { mode: 'number' }).references(() => auditEvents.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('card_state_history_par_observed_idx').on(t.par, t.observedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('card_state_history_member_idx').on(t.memberId, t.observedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The cards seen in a time range (lib/review/charts.ts: card states across the members looked up).
    index('card_state_history_observed_idx').on(t.observedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The purge's ON DELETE SET NULL finds the states an event recorded by it, per deleted event, instead of scanning the history each time.
    index('card_state_history_audit_event_idx').on(t.auditEventId),
    check('card_state_history_member_id_digits', sql`${t.memberId} ~ '^[0-9]{1,19}$'`),
  ],
);

export type CardStateHistoryRow = typeof cardStateHistory.$inferSelect;
export type NewCardStateHistoryRow = typeof cardStateHistory.$inferInsert;


// No `import 'server-only'` here on purpose: drizzle-kit loads this file in plain Node to
// generate migrations, and the table types are harmless to share. Everything that opens a
// connection (client.ts, seed.ts) is server-only.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CardStateSnapshot } from '@/lib/domain/audit';

/* ------------------------------------------------------------------------------------------ */
/* Shared value sets                                                                          */
/* ------------------------------------------------------------------------------------------ */

export const OPERATOR_ROLES = ['agent', 'manager', 'qa', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const AUDIT_OUTCOMES = ['ok', 'rejected', 'upstream_error', 'unknown', 'forbidden'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];


const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/* ------------------------------------------------------------------------------------------ */
/* operators                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export const operators = pgTable(
  'operators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lowercased (enforced by a check constraint). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    roles: text('roles').array().$type<OperatorRole[]>().notNull().default(sql`'{}'::text[]`),
    /** Null for operators who only sign in through OIDC. Format: see lib/auth/password.ts. */
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP secret, AES-256-GCM encrypted (lib/auth/mfa-crypto.ts); null until enrolled. */
    totpSecret: text('totp_secret'),
    /** The secret shown on the enrolment page, encrypted likewise, until a code confirms it. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** Last accepted TOTP time step: a code is accepted only for a later step (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Set by an admin's MFA reset: seeding never enrols such an operator again. */
    mfaResetAt: timestamp('mfa_reset_at', { withTimezone: true }),
    /**
     * The company IdP identity this operator signs in as: issuer and `sub` together, never the
     * e-mail (lib/auth/company-sign-in.ts). Null for an operator with no company sign-in.
     */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    /** The language the operator chose with the switch (lib/i18n); null: the browser's. */
    locale: text('locale').$type<'ko' | 'en'>(),
  },
  (t) => [
    uniqueIndex('operators_email_unique').on(t.email),
    uniqueIndex('operators_oidc_identity_unique').on(t.oidcIssuer, t.oidcSubject),
    check('operators_oidc_identity_together', sql`(${t.oidcIssuer} is null) = (${t.oidcSubject} is null)`),
    check('operators_locale_known', sql`${t.locale} in ('ko', 'en')`),
    check('operators_totp_enrolled_together', sql`(${t.totpSecret} is null) = (${t.totpEnrolledAt} is null)`),
    check('operators_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('operators_roles_known', sql`${t.roles} <@ ARRAY[${sqlList(OPERATOR_ROLES)}]::text[]`),
    check('operators_failed_attempts_nonnegative', sql`${t.failedAttempts} >= 0`),
  ],
);

export type Operator = typeof operators.$inferSelect;
export type NewOperator = typeof operators.$inferInsert;

/* ------------------------------------------------------------------------------------------ */
/* operator_sessions: server-side records behind the session cookie (see lib/auth/sessions.ts) */
/* ------------------------------------------------------------------------------------------ */

export const operatorSessions = pgTable(
  'operator_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set on sign-out, "sign out everywhere" or by an admin; a revoked session never comes back. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Opened by a right password of an operator without MFA: good for the enrolment step only. */
    mfaEnrolmentPending: boolean('mfa_enrolment_pending').notNull().default(false),
  },
  (t) => [index('operator_sessions_operator_idx').on(t.operatorId)],
);

export type OperatorSession = typeof operatorSessions.$inferSelect;
export type NewOperatorSession = typeof operatorSessions.$inferInsert;

/* ------------------------------------------------------------------------------------------ */
/* operator_recovery_codes: single-use MFA recovery codes, keyed hashes only (lib/auth/mfa.ts)  */
/* ------------------------------------------------------------------------------------------ */

export const operatorRecoveryCodes = pgTable(
  'operator_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    /** HMAC-SHA-256 of the code (see lib/auth/mfa-crypto.ts), hex. */
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    /** Set when the code is used; a used code never works again. */
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('operator_recovery_codes_operator_hash_unique').on(t.operatorId, t.codeHash)],
);

export type OperatorRecoveryCode = typeof operatorRecoveryCodes.$inferSelect;

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
    check('card_state_history_member_id_digits', sql`${t.memberId} ~ '^[0-9]{1,19}$'`),
  ],
);

export type CardStateHistoryRow = typeof cardStateHistory.$inferSelect;
export type NewCardStateHistoryRow = typeof cardStateHistory.$inferInsert;

/* ------------------------------------------------------------------------------------------ */
/* sign_in_throttle: sign-in attempts per email and per client address in a fixed window      */
/* (see lib/auth/sign-in-throttle.ts); in the database so the limit holds across instances     */
/* ------------------------------------------------------------------------------------------ */

export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    /** `email:<address>` or `client:<ip>`. */
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('sign_in_throttle_window_idx').on(t.windowStart), check('sign_in_throttle_attempts_nonnegative', sql`${t.attempts} >= 0`)],
);

/* ------------------------------------------------------------------------------------------ */
/* idempotency_keys                                                                           */
/* ------------------------------------------------------------------------------------------ */

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: uuid('key').primaryKey(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id),
    action: text('action').notNull(),
    createdAt: createdAt(),
    /** Null while the request is in flight. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The stored result shown to a repeated submission; null while in flight. */
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  },
  (t) => [index('idempotency_keys_created_idx').on(t.createdAt)],
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
export type NewIdempotencyKey = typeof idempotencyKeys.$inferInsert;

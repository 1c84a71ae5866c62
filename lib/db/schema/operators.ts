// Part of the Drizzle schema re-exported by lib/db/schema.ts (see schema/common.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, OPERATOR_ROLES, sqlList, type OperatorRole } from './common';

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

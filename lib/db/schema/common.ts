// No `import 'server-only'` in lib/db/schema*: drizzle-kit loads these files in plain Node to
// generate migrations (relative imports only: it does not read tsconfig's `@/` paths).
import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/* ------------------------------------------------------------------------------------------ */
/* Shared value sets                                                                          */
/* ------------------------------------------------------------------------------------------ */

export const OPERATOR_ROLES = ['agent', 'manager', 'qa', 'admin'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const AUDIT_OUTCOMES = ['ok', 'rejected', 'upstream_error', 'unknown', 'forbidden'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** `'a', 'b'` for a check constraint over a fixed list of values. */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// No `import 'server-only'` here on purpose: drizzle-kit loads this file in plain Node to
// generate migrations, and the table types are harmless to share. Everything that opens a
// connection (client.ts, seed.ts) is server-only.
//
// The tables live in schema/: operators.ts (operators, their sessions and recovery codes, the
// sign-in throttle, idempotency keys), audit.ts (the audit trail and card-state history) and
// review.ts (findings, runs, access-review sign-offs, saved audit views, roll-ups) and members.ts
// (notes operators leave on a member), approvals.ts (maker–checker requests and policy).
export { AUDIT_OUTCOMES, OPERATOR_ROLES, type AuditOutcome, type OperatorRole } from './schema/common';
export * from './schema/operators';
export * from './schema/audit';
export * from './schema/review';
export * from './schema/members';
export * from './schema/approvals';

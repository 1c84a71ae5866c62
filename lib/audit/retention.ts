import 'server-only';
import { env } from '@/lib/env';

/** The database refuses any purge cutoff newer than this (migration 0003); lib/env.ts enforces it too. */
export const MIN_AUDIT_RETENTION_DAYS = 30;

/** Retention period of the audit trail, in days (`AUDIT_RETENTION_DAYS`, default five years). */
export function auditRetentionDays(): number {
  return env().AUDIT_RETENTION_DAYS;
}

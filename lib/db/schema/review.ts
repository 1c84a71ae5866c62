// Part of the Drizzle schema re-exported by lib/db/schema.ts (see schema/common.ts): the tables of
// lib/review (findings over the audit trail, their runs, the access review, saved audit views).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_SUBJECT_KINDS,
  FINDINGS_RUN_STATUSES,
  FINDINGS_RUN_TRIGGERS,
  SAVED_VIEW_NAME_MAX,
  type AccessReviewEntry,
  type FindingSeverity,
  type FindingStatus,
  type FindingSubjectKind,
  type FindingsRunStatus,
  type FindingsRunTrigger,
} from '../../domain/review';
import type { RawAuditFilters } from '../../domain/audit';
import { createdAt, sqlList, type OperatorRole } from './common';
import { operators } from './operators';

const time = (name: string) => timestamp(name, { withTimezone: true });

/* ------------------------------------------------------------------------------------------ */
/* review_runs: each run of the findings rules. At most one runs at a time across every        */
/* console instance (the partial unique index), with a lease that a crashed run gives up.      */
/* ------------------------------------------------------------------------------------------ */

export const reviewRuns = pgTable(
  'review_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trigger: text('triggered_by').$type<FindingsRunTrigger>().notNull(),
    requestedBy: uuid('requested_by'),
    requestedByEmail: text('requested_by_email'),
    status: text('status').$type<FindingsRunStatus>().notNull().default('running'),
    rangeFrom: time('range_from').notNull(),
    rangeTo: time('range_to').notNull(),
    startedAt: time('started_at').notNull().defaultNow(),
    /** A running run past its lease is abandoned (its console stopped): the next run may start. */
    leaseUntil: time('lease_until').notNull(),
    finishedAt: time('finished_at'),
    findingsNew: integer('findings_new').notNull().default(0),
    findingsUpdated: integer('findings_updated').notNull().default(0),
    /** The last event whose hash link this run verified: the next run continues from it. */
    chainHeadId: bigint('chain_head_id', { mode: 'number' }),
    chainHeadHash: text('chain_head_hash'),
    chainChecked: integer('chain_checked'),
    /** True when this run verified the chain from its start (not only from the previous head). */
    chainFull: boolean('chain_full'),
    error: text('error'),
  },
  (t) => [
    // The single-run guarantee: a second `running` row is a unique violation, whatever instance inserts it.
    uniqueIndex('review_runs_one_running').on(sql`(true)`).where(sql`${t.status} = 'running'`),
    index('review_runs_started_idx').on(t.startedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('review_runs_trigger_known', sql`${t.trigger} IN (${sqlList(FINDINGS_RUN_TRIGGERS)})`),
    check('review_runs_status_known', sql`${t.status} IN (${sqlList(FINDINGS_RUN_STATUSES)})`),
    check('review_runs_range_ordered', sql`${t.rangeFrom} < ${t.rangeTo}`),
  ],
);

export type ReviewRun = typeof reviewRuns.$inferSelect;

/* ------------------------------------------------------------------------------------------ */
/* review_findings: one row per rule + subject + window (re-running updates it, never adds)    */
/* ------------------------------------------------------------------------------------------ */

export const reviewFindings = pgTable(
  'review_findings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** A FINDING_RULES name (not checked here: a new rule needs no migration). */
    rule: text('rule').notNull(),
    severity: text('severity').$type<FindingSeverity>().notNull(),
    subjectKind: text('subject_kind').$type<FindingSubjectKind>().notNull(),
    subject: text('subject').notNull(),
    subjectLabel: text('subject_label'),
    windowStart: time('window_start').notNull(),
    windowEnd: time('window_end').notNull(),
    /** The first FINDING_EVIDENCE_LIMIT audit event ids, oldest first (no foreign key: the purge may remove events). */
    evidenceIds: bigint('evidence_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    evidenceCount: integer('evidence_count').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').$type<FindingStatus>().notNull().default('open'),
    firstDetectedAt: time('first_detected_at').notNull().defaultNow(),
    lastDetectedAt: time('last_detected_at').notNull().defaultNow(),
    firstRunId: bigint('first_run_id', { mode: 'number' }).references(() => reviewRuns.id),
    lastRunId: bigint('last_run_id', { mode: 'number' }).references(() => reviewRuns.id),
    statusChangedAt: time('status_changed_at'),
    statusChangedBy: uuid('status_changed_by'),
    statusChangedByEmail: text('status_changed_by_email'),
  },
  (t) => [
    uniqueIndex('review_findings_dedupe').on(t.rule, t.subjectKind, t.subject, t.windowStart),
    index('review_findings_window_idx').on(t.windowStart.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('review_findings_status_idx').on(t.status, t.windowStart.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('review_findings_severity_known', sql`${t.severity} IN (${sqlList(FINDING_SEVERITIES)})`),
    check('review_findings_status_known', sql`${t.status} IN (${sqlList(FINDING_STATUSES)})`),
    check('review_findings_subject_kind_known', sql`${t.subjectKind} IN (${sqlList(FINDING_SUBJECT_KINDS)})`),
    check('review_findings_window_ordered', sql`${t.windowStart} < ${t.windowEnd}`),
    check('review_findings_evidence_count', sql`${t.evidenceCount} >= 0`),
  ],
);

export type ReviewFinding = typeof reviewFindings.$inferSelect;
export type NewReviewFinding = typeof reviewFindings.$inferInsert;

/* ------------------------------------------------------------------------------------------ */
/* review_finding_events: each status change of a finding, with its comment (append-only)      */
/* ------------------------------------------------------------------------------------------ */

export const reviewFindingEvents = pgTable(
  'review_finding_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    findingId: bigint('finding_id', { mode: 'number' })
      .notNull()
      .references(() => reviewFindings.id),
    at: time('at').notNull().defaultNow(),
    operatorId: uuid('operator_id').notNull(),
    operatorEmail: text('operator_email').notNull(),
    fromStatus: text('from_status').$type<FindingStatus>().notNull(),
    toStatus: text('to_status').$type<FindingStatus>().notNull(),
    comment: text('comment').notNull(),
  },
  (t) => [
    index('review_finding_events_finding_idx').on(t.findingId, t.at, t.id),
    check('review_finding_events_from_known', sql`${t.fromStatus} IN (${sqlList(FINDING_STATUSES)})`),
    check('review_finding_events_to_known', sql`${t.toStatus} IN (${sqlList(FINDING_STATUSES)})`),
    check('review_finding_events_comment_length', sql`char_length(${t.comment}) BETWEEN 1 AND 2000`),
  ],
);

export type ReviewFindingEvent = typeof reviewFindingEvents.$inferSelect;

/* ------------------------------------------------------------------------------------------ */
/* review_access_sign_offs: a manager's or admin's sign-off of the access review (append-only) */
/* ------------------------------------------------------------------------------------------ */

export const reviewAccessSignOffs = pgTable(
  'review_access_sign_offs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    signedAt: time('signed_at').notNull().defaultNow(),
    signedBy: uuid('signed_by').notNull(),
    signedByEmail: text('signed_by_email').notNull(),
    signedByRoles: text('signed_by_roles').array().$type<OperatorRole[]>().notNull(),
    comment: text('comment').notNull(),
    /** The operator list as signed. */
    snapshot: jsonb('snapshot').$type<AccessReviewEntry[]>().notNull(),
    snapshotHash: text('snapshot_hash').notNull(),
    operatorCount: integer('operator_count').notNull(),
    flaggedCount: integer('flagged_count').notNull(),
  },
  (t) => [
    index('review_access_sign_offs_signed_idx').on(t.signedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('review_access_sign_offs_comment_length', sql`char_length(${t.comment}) BETWEEN 1 AND 2000`),
  ],
);

export type ReviewAccessSignOff = typeof reviewAccessSignOffs.$inferSelect;

/* ------------------------------------------------------------------------------------------ */
/* saved_audit_views: an operator's named audit-page filters                                   */
/* ------------------------------------------------------------------------------------------ */

export const savedAuditViews = pgTable(
  'saved_audit_views',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    operatorId: uuid('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The audit page's filter strings as typed. */
    filters: jsonb('filters').$type<RawAuditFilters>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Unique per operator whatever the case: "Failures" and "failures" are one name.
    uniqueIndex('saved_audit_views_operator_name_unique').on(t.operatorId, sql`lower(${t.name})`),
    check('saved_audit_views_name_length', sql`char_length(${t.name}) BETWEEN 1 AND ${sql.raw(String(SAVED_VIEW_NAME_MAX))}`),
  ],
);

export type SavedAuditViewRow = typeof savedAuditViews.$inferSelect;

/* ------------------------------------------------------------------------------------------ */
/* Roll-ups of the (append-only) audit trail, so the rules and charts read a few rows per hour */
/* or day instead of every event (lib/review/rollups.ts). Only finished buckets are rolled up; */
/* review_rollup_buckets says which.                                                           */
/* ------------------------------------------------------------------------------------------ */

/** Per operator and hour: distinct members viewed (search, view-card), and the views. */
export const reviewViewHours = pgTable(
  'review_view_hours',
  {
    operatorId: uuid('operator_id').notNull(),
    hour: time('hour').notNull(),
    members: integer('members').notNull(),
    views: integer('views').notNull(),
  },
  (t) => [primaryKey({ name: 'review_view_hours_pk', columns: [t.operatorId, t.hour] }), index('review_view_hours_hour_idx').on(t.hour)],
);

/** Per Korea-time day: events per action, outcome and result code ('' for none). */
export const reviewDailyCounts = pgTable(
  'review_daily_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    resultCode: text('result_code').notNull(),
    events: integer('events').notNull(),
  },
  (t) => [primaryKey({ name: 'review_daily_counts_pk', columns: [t.day, t.action, t.outcome, t.resultCode] })],
);

/** Which buckets of which roll-up are done: `view-hours` (hour starts), `daily-counts` (day starts). */
export const reviewRollupBuckets = pgTable(
  'review_rollup_buckets',
  {
    kind: text('kind').notNull(),
    bucketStart: time('bucket_start').notNull(),
    computedAt: time('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'review_rollup_buckets_pk', columns: [t.kind, t.bucketStart] })],
);

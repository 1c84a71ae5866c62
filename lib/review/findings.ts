import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { appendLocked, lockChain, type AppendOptions, type AuditActor } from '@/lib/audit/append';
import { afterCursorSql, cursorTimeSql, decodeCursor, encodeCursor, type Cursor } from '@/lib/audit/cursor';
import { parseAuditQuery } from '@/lib/audit/filters';
import { getDb, queryRows, type Database } from '@/lib/db/client';
import { reviewFindingEvents, reviewFindings, type ReviewFinding, type ReviewFindingEvent } from '@/lib/db/schema';
import type { AuditRecorder } from './audit';
import { checkComment, type CommentProblem } from './comment';
import type { FindingDraft } from './rules';
import { toDate, toNumber, ts } from './sql';
import {
  FINDING_RULES,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  isAllowedTransition,
  mayManageReview,
  type FindingCounts,
  type FindingEventView,
  type FindingRule,
  type FindingSeverity,
  type FindingStatus,
  type FindingView,
} from '@/lib/domain/review';

/**
 * Findings: stored once per rule + subject + window (a run that sees the same window again
 * updates its evidence and figures, never adds a row), listed newest window first with the one
 * keyset cursor (lib/audit/cursor.ts), and moved open → acknowledged → resolved by management,
 * each move with a comment in review_finding_events (append-only) and an audit event.
 */

export const FINDINGS_PAGE_SIZE = 50;

/** The database, the audit writer and the clock a function uses; each defaults to the console's own. */
export interface ReviewDeps {
  db?: Database;
  audit?: AuditRecorder;
  now?: Date;
  /** The caller's address and browser, for events written inside a transaction (not through `audit`). */
  client?: AppendOptions['client'];
}

/* ------------------------------------------------------------------------------------------ */
/* Storing what the rules found                                                               */
/* ------------------------------------------------------------------------------------------ */

const SEVERITY_RANK = sql.raw(`array[${FINDING_SEVERITIES.map((s) => `'${s}'`).join(', ')}]::text[]`);
const STORE_BATCH = 200;

const dedupeKey = (d: { rule: string; subjectKind: string; subject: string; windowStart: Date }) =>
  `${d.rule}\u0000${d.subjectKind}\u0000${d.subject}\u0000${d.windowStart.getTime()}`;

export interface StoreReport {
  /** Findings not seen before. */
  new: number;
  /** Findings seen before whose evidence count or severity went up. */
  updated: number;
  /** The ids of every finding in `drafts`. */
  ids: number[];
}

/**
 * Stores the rules' findings: new ones open; known ones (same rule, subject and window) get the
 * latest evidence and figures, keep the higher severity and their status.
 */
export async function storeFindings(db: Database, drafts: readonly FindingDraft[], runId: number | null, now: Date): Promise<StoreReport> {
  const report: StoreReport = { new: 0, updated: 0, ids: [] };
  const unique = [...new Map(drafts.map((d) => [dedupeKey(d), d])).values()];
  for (let i = 0; i < unique.length; i += STORE_BATCH) {
    const batch = unique.slice(i, i + STORE_BATCH);
    const keys = sql.join(
      batch.map((d) => sql`(${d.rule}, ${d.subjectKind}, ${d.subject}, ${ts(d.windowStart)})`),
      sql`, `,
    );
    const existing = await queryRows<{ rule: string; subject_kind: string; subject: string; window_start: unknown; evidence_count: unknown; rank: unknown }>(
      db,
      sql`select rule, subject_kind, subject, window_start, evidence_count, array_position(${SEVERITY_RANK}, severity) as rank
          from review_findings where (rule, subject_kind, subject, window_start) in (${keys})`,
    );
    const before = new Map(
      existing.map((row) => [
        dedupeKey({ rule: row.rule, subjectKind: row.subject_kind, subject: row.subject, windowStart: toDate(row.window_start) }),
        { count: toNumber(row.evidence_count), rank: toNumber(row.rank) },
      ]),
    );
    for (const d of batch) {
      const known = before.get(dedupeKey(d));
      if (!known) report.new++;
      else if (d.evidenceCount > known.count || FINDING_SEVERITIES.indexOf(d.severity) + 1 > known.rank) report.updated++;
    }
    const stored = await db
      .insert(reviewFindings)
      .values(
        batch.map((d) => ({
          rule: d.rule,
          severity: d.severity,
          subjectKind: d.subjectKind,
          subject: d.subject,
          subjectLabel: d.subjectLabel,
          windowStart: d.windowStart,
          windowEnd: d.windowEnd,
          evidenceIds: d.evidenceIds,
          evidenceCount: d.evidenceCount,
          detail: d.detail,
          firstDetectedAt: now,
          lastDetectedAt: now,
          firstRunId: runId,
          lastRunId: runId,
        })),
      )
      .onConflictDoUpdate({
        target: [reviewFindings.rule, reviewFindings.subjectKind, reviewFindings.subject, reviewFindings.windowStart],
        set: {
          windowEnd: sql`excluded.window_end`,
          evidenceIds: sql`excluded.evidence_ids`,
          evidenceCount: sql`excluded.evidence_count`,
          detail: sql`excluded.detail`,
          subjectLabel: sql`coalesce(excluded.subject_label, ${reviewFindings.subjectLabel})`,
          severity: sql`case when array_position(${SEVERITY_RANK}, excluded.severity) > array_position(${SEVERITY_RANK}, ${reviewFindings.severity})
                             then excluded.severity else ${reviewFindings.severity} end`,
          lastDetectedAt: sql`excluded.last_detected_at`,
          lastRunId: sql`excluded.last_run_id`,
        },
      })
      .returning({ id: reviewFindings.id });
    report.ids.push(...stored.map((row) => toNumber(row.id)));
  }
  return report;
}

/* ------------------------------------------------------------------------------------------ */
/* Views                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export function toFindingView(row: ReviewFinding): FindingView {
  return {
    id: toNumber(row.id),
    rule: row.rule as FindingRule,
    severity: row.severity,
    subjectKind: row.subjectKind,
    subject: row.subject,
    subjectLabel: row.subjectLabel,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    evidenceIds: row.evidenceIds.map(toNumber),
    evidenceCount: row.evidenceCount,
    detail: row.detail,
    status: row.status,
    firstDetectedAt: row.firstDetectedAt.toISOString(),
    lastDetectedAt: row.lastDetectedAt.toISOString(),
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    statusChangedByEmail: row.statusChangedByEmail,
  };
}

function toFindingEventView(row: ReviewFindingEvent): FindingEventView {
  return {
    id: toNumber(row.id),
    findingId: toNumber(row.findingId),
    at: row.at.toISOString(),
    operatorId: row.operatorId,
    operatorEmail: row.operatorEmail,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    comment: row.comment,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Listing                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Filters of the findings list; every one optional. Times bound the window's start. */
export interface FindingsQuery {
  status?: FindingStatus[];
  severity?: FindingSeverity[];
  rule?: FindingRule;
  /** Exact subject: an operator id, an e-mail, an action, a PAR or an event id. */
  subject?: string;
  from?: Date;
  toExclusive?: Date;
}

/** The findings page's URL parameters: `status` and `severity` comma-separated, `from`/`to` as the audit page takes them. */
export const FINDINGS_QUERY_KEYS = ['status', 'severity', 'rule', 'subject', 'from', 'to'] as const;
export type FindingsQueryKey = (typeof FINDINGS_QUERY_KEYS)[number];
export type RawFindingsQuery = Partial<Record<FindingsQueryKey, string>>;

export type ParsedFindingsQuery =
  | { ok: true; query: FindingsQuery; cursor: Cursor | null; raw: RawFindingsQuery }
  /** `invalid`: the parameters (or `cursor`) that cannot be read; the page words them. */
  | { ok: false; invalid: (FindingsQueryKey | 'cursor')[]; raw: RawFindingsQuery };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const single = (Array.isArray(value) ? value[0] : value)?.trim();
  return single ? single : undefined;
}

function listOf<T extends string>(text: string | undefined, known: readonly T[]): T[] | undefined | null {
  if (text === undefined) return undefined;
  const values = text.split(',').map((v) => v.trim()).filter(Boolean);
  return values.length > 0 && values.every((v) => (known as readonly string[]).includes(v)) ? [...new Set(values)] as T[] : null;
}

/** Validates the findings page's URL parameters: a bad value is named, never a crash. */
export function parseFindingsQuery(params: SearchParams): ParsedFindingsQuery {
  const raw: RawFindingsQuery = {};
  for (const key of FINDINGS_QUERY_KEYS) {
    const value = param(params, key);
    if (value !== undefined) raw[key] = value;
  }
  const invalid: (FindingsQueryKey | 'cursor')[] = [];
  const status = listOf(raw.status, FINDING_STATUSES);
  const severity = listOf(raw.severity, FINDING_SEVERITIES);
  if (status === null) invalid.push('status');
  if (severity === null) invalid.push('severity');
  if (raw.rule !== undefined && !(FINDING_RULES as readonly string[]).includes(raw.rule)) invalid.push('rule');
  if (raw.subject !== undefined && (raw.subject.length > 254 || !/^[A-Za-z0-9@._+:-]+$/.test(raw.subject))) invalid.push('subject');
  const times = parseAuditQuery({ from: raw.from, to: raw.to });
  if (!times.ok) {
    if (raw.from !== undefined && !parseAuditQuery({ from: raw.from }).ok) invalid.push('from');
    if (raw.to !== undefined && !parseAuditQuery({ to: raw.to }).ok) invalid.push('to');
    if (!invalid.includes('from') && !invalid.includes('to')) invalid.push('from');
  }
  const cursorText = param(params, 'cursor');
  const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
  if (cursorText !== undefined && !cursor) invalid.push('cursor');
  if (invalid.length > 0 || !times.ok) return { ok: false, invalid, raw };
  return {
    ok: true,
    raw,
    cursor,
    query: {
      status: status ?? undefined,
      severity: severity ?? undefined,
      rule: raw.rule as FindingRule | undefined,
      subject: raw.subject,
      from: times.filters.from,
      toExclusive: times.filters.toExclusive,
    },
  };
}

function findingConditions(query: FindingsQuery): SQL[] {
  const conditions: (SQL | undefined)[] = [
    query.status?.length ? inArray(reviewFindings.status, query.status) : undefined,
    query.severity?.length ? inArray(reviewFindings.severity, query.severity) : undefined,
    query.rule ? eq(reviewFindings.rule, query.rule) : undefined,
    query.subject ? eq(reviewFindings.subject, query.subject) : undefined,
    query.from ? gte(reviewFindings.windowStart, query.from) : undefined,
    query.toExclusive ? lt(reviewFindings.windowStart, query.toExclusive) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

export interface FindingsPage {
  rows: FindingView[];
  /** Opaque cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** One page of findings, newest window first (keyset-paginated on window start and id). */
export async function listFindings(
  query: FindingsQuery = {},
  options: { cursor?: Cursor | null; limit?: number; db?: Database } = {},
): Promise<FindingsPage> {
  const db = options.db ?? (await getDb());
  const limit = options.limit ?? FINDINGS_PAGE_SIZE;
  const conditions = findingConditions(query);
  if (options.cursor) conditions.push(afterCursorSql(reviewFindings.windowStart, reviewFindings.id, options.cursor));
  const rows = await db
    .select({ finding: reviewFindings, cursorAt: cursorTimeSql(reviewFindings.windowStart) })
    .from(reviewFindings)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(reviewFindings.windowStart), desc(reviewFindings.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => toFindingView(row.finding)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: toNumber(last.finding.id) }) : null,
  };
}

/** Findings per status and severity (every pair present, zero when none). */
export async function countFindings(options: { db?: Database } = {}): Promise<FindingCounts> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select({ status: reviewFindings.status, severity: reviewFindings.severity, n: sql<number>`count(*)::int` })
    .from(reviewFindings)
    .groupBy(reviewFindings.status, reviewFindings.severity);
  const counts = Object.fromEntries(
    FINDING_STATUSES.map((status) => [status, Object.fromEntries(FINDING_SEVERITIES.map((severity) => [severity, 0]))]),
  ) as FindingCounts;
  for (const row of rows) counts[row.status][row.severity] = toNumber(row.n);
  return counts;
}

/** The status changes of these findings, oldest first, by finding (every id present, [] when none). */
export async function listFindingHistories(ids: readonly number[], options: { db?: Database } = {}): Promise<Map<number, FindingEventView[]>> {
  const histories = new Map<number, FindingEventView[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return histories;
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(reviewFindingEvents)
    .where(inArray(reviewFindingEvents.findingId, [...ids]))
    .orderBy(asc(reviewFindingEvents.at), asc(reviewFindingEvents.id));
  for (const row of rows) histories.get(toNumber(row.findingId))?.push(toFindingEventView(row));
  return histories;
}

/* ------------------------------------------------------------------------------------------ */
/* Status changes                                                                             */
/* ------------------------------------------------------------------------------------------ */

export interface FindingStatusInput {
  findingId: number;
  to: FindingStatus;
  comment: string;
  /** An operator with `review.manage`. */
  actor: AuditActor;
  /** The status the operator saw: refused as `conflict` when someone changed it meanwhile. */
  expectedFrom?: FindingStatus;
}

export type FindingStatusResult =
  | { ok: true; finding: FindingView; event: FindingEventView; auditEventId: number }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'not-allowed' | 'conflict'; current?: FindingStatus }
  | { ok: false; reason: CommentProblem };

/**
 * Moves a finding to `to` with a comment (open → acknowledged → resolved; resolve straight from
 * open; reopen), in one transaction with its history row and its `finding-status-change` audit
 * event: neither the change nor its record exists without the other.
 */
export async function changeFindingStatus(input: FindingStatusInput, deps: ReviewDeps = {}): Promise<FindingStatusResult> {
  const { actor } = input;
  if (!actor.id || !actor.email || !mayManageReview(actor.roles)) return { ok: false, reason: 'forbidden' };
  const checked = checkComment(input.comment);
  if (!checked.ok) return { ok: false, reason: checked.problem };
  if (!(FINDING_STATUSES as readonly string[]).includes(input.to)) return { ok: false, reason: 'not-allowed' };
  const db = deps.db ?? (await getDb());
  const now = deps.now ?? new Date();
  const operatorId = actor.id;
  const operatorEmail = actor.email;

  return db.transaction(async (tx) => {
    // The chain's lock first, as every audit writer takes it: no order of locks to deadlock on.
    await lockChain(tx);
    const [current] = await tx.select().from(reviewFindings).where(eq(reviewFindings.id, input.findingId)).for('update');
    if (!current) return { ok: false as const, reason: 'not-found' as const };
    if (input.expectedFrom && current.status !== input.expectedFrom) return { ok: false as const, reason: 'conflict' as const, current: current.status };
    if (!isAllowedTransition(current.status, input.to)) return { ok: false as const, reason: 'not-allowed' as const, current: current.status };
    const [updated] = await tx
      .update(reviewFindings)
      .set({ status: input.to, statusChangedAt: now, statusChangedBy: operatorId, statusChangedByEmail: operatorEmail })
      .where(and(eq(reviewFindings.id, input.findingId), eq(reviewFindings.status, current.status)))
      .returning();
    const [row] = await tx
      .insert(reviewFindingEvents)
      .values({ findingId: input.findingId, at: now, operatorId, operatorEmail, fromStatus: current.status, toStatus: input.to, comment: checked.comment })
      .returning();
    const finding = toFindingView(updated!);
    const event = toFindingEventView(row!);
    const audited = await appendLocked(
      tx as unknown as Database,
      {
        actor,
        action: 'finding-status-change',
        outcome: 'ok',
        request: {
          findingId: finding.id,
          rule: finding.rule,
          severity: finding.severity,
          subjectKind: finding.subjectKind,
          subject: finding.subject,
          windowStart: finding.windowStart,
          from: event.fromStatus,
          to: event.toStatus,
          comment: event.comment,
        },
      },
      { client: deps.client },
    );
    return { ok: true as const, finding, event, auditEventId: audited.id };
  });
}

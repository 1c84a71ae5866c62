import { z } from 'zod';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import {
  AUDIT_ACTIONS,
  AUDIT_FILTER_KEYS,
  AUDIT_OUTCOME_NAMES,
  NO_RESULT_CODE,
  type AuditAction,
  type AuditOutcomeName,
} from '@/lib/domain/audit';
import auditMessages from '@/lib/i18n/messages/en/audit.json';
import { decodeCursor, type Cursor } from './cursor';

/**
 * The audit page's filters as they travel in the URL (shareable links), validated with zod.
 * Free of server-only imports: the page, the export route and the tests share it. Its messages
 * are free of any language, like the schemas' problems (lib/schemas/problem.ts): which filter and
 * which problem, "member:member"; filterErrorText puts them in the operator's words.
 */

/**
 * Sign-ins, sign-outs and reads of the trail itself (each page a manager opens writes one): half
 * the trail and more, so the page hides them unless asked (`signIns=show`) or an action filter
 * names one. Sign-in failures stay: they are what a reviewer looks for.
 */
export const ROUTINE_ACTIONS = ['sign-in', 'sign-out', 'sign-out-everywhere', 'audit-read', 'review-read'] as const satisfies readonly AuditAction[];
export const SHOW_SIGN_INS = 'show';

/** The audit page's URL keys: the filters of lib/domain/audit.ts and whether sign-ins show. */
export const AUDIT_PAGE_KEYS = [...AUDIT_FILTER_KEYS, 'signIns'] as const;
export type AuditPageKey = (typeof AUDIT_PAGE_KEYS)[number];
/** The page's filters as typed (what the form shows, links and saved views carry). */
export type RawAuditPageFilters = Partial<Record<AuditPageKey, string>>;

export interface AuditFilters {
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound (a `to` day or minute includes all of it). */
  toExclusive?: Date;
  operatorEmail?: string;
  operatorId?: string;
  memberId?: string;
  action?: AuditAction;
  outcome?: AuditOutcomeName;
  /** null: events without a result code (`code=none`). */
  resultCode?: string | null;
  /** Events at which a card was seen in this business status (its card-state record), or `unknown` (none given). */
  cardState?: string;
  correlationId?: string;
  /** Leave out ROUTINE_ACTIONS (the page's default; other readers see every action). */
  hideRoutine?: boolean;
}

/** Times without a zone are read in Korea time, like every time the console shows. */
const CONSOLE_UTC_OFFSET = '+09:00';
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

interface ParsedTime {
  start: Date;
  /** Length of the unit given (a day, a minute, a second, a millisecond). */
  unitMs: number;
}

function parseTime(value: string): ParsedTime | undefined {
  let iso: string;
  let unitMs: number;
  const date = LOCAL_DATE.exec(value);
  const dateTime = LOCAL_DATE_TIME.exec(value);
  if (date) {
    iso = `${value}T00:00:00${CONSOLE_UTC_OFFSET}`;
    unitMs = 86_400_000;
  } else if (dateTime) {
    iso = `${value}${dateTime[6] ? '' : ':00'}${CONSOLE_UTC_OFFSET}`;
    unitMs = dateTime[6] ? 1_000 : 60_000;
  } else if (ZONED.test(value)) {
    iso = value;
    unitMs = 1;
  } else {
    return undefined;
  }
  const start = new Date(iso);
  if (Number.isNaN(start.getTime())) return undefined;
  // Reject dates that JS silently rolls over (2026-02-30 → March 2nd).
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) return undefined;
  return { start, unitMs };
}

export type AuditFilterProblem = keyof typeof auditMessages.filters.problems;
type FilterName = AuditPageKey | 'cursor';
/** A bad filter value: which filter (or the page cursor) and what is wrong with it (a key of `audit.filters.problems`). */
export type AuditFilterError = `${FilterName}:${AuditFilterProblem}`;

/** zod states each problem as its key; zod's own wording (a wrong type) reads as `invalid`. */
const problem = (key: AuditFilterProblem): string => key;

const time = z.string().transform((value, ctx) => {
  const parsed = parseTime(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: problem('time') });
    return z.NEVER;
  }
  return parsed;
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const filterSchema = z
  .object({
    from: time.optional(),
    to: time.optional(),
    operator: z
      .string()
      .max(254, problem('operator'))
      .transform((v) => v.toLowerCase())
      .refine((v) => UUID.test(v) || /^[^\s@]+@[^\s@]+$/.test(v), problem('operator'))
      .optional(),
    member: z.string().regex(MEMBER_ID_PATTERN, problem('member')).optional(),
    action: z.enum(AUDIT_ACTIONS, { message: problem('action') }).optional(),
    outcome: z.enum(AUDIT_OUTCOME_NAMES, { message: problem('outcome') }).optional(),
    code: z.string().max(32, problem('code')).regex(/^[A-Za-z0-9_.-]+$/, problem('code')).optional(),
    cardState: z.string().regex(/^(?:[0-9A-Z]{2}|unknown)$/, problem('cardState')).optional(),
    correlationId: z.string().max(100, problem('correlationId')).regex(/^[A-Za-z0-9_.:-]+$/, problem('correlationId')).optional(),
    signIns: z.literal(SHOW_SIGN_INS, { message: problem('signIns') }).optional(),
    cursor: z.string().max(200, problem('cursor')).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from.start.getTime() < v.to.start.getTime() + v.to.unitMs, {
    message: problem('order'),
    path: ['from'],
  });

const isProblem = (text: string): text is AuditFilterProblem => text in auditMessages.filters.problems;
const isFilterName = (text: string): text is FilterName => text in auditMessages.filters.names;

/** Every issue is on one of the schema's keys (the `from`/`to` order too: on `from`). */
const filterError = (issue: z.core.$ZodIssue): AuditFilterError =>
  `${issue.path[0] as FilterName}:${isProblem(issue.message) ? issue.message : 'invalid'}`;

export type ParsedAuditQuery =
  | { ok: true; filters: AuditFilters; cursor: Cursor | null; raw: RawAuditPageFilters }
  | {
      ok: false;
      /** What is wrong, free of any language: shown through filterErrorText in the operator's words. */
      problems: AuditFilterError[];
      raw: RawAuditPageFilters;
    };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed ? trimmed : undefined;
}

/** Validates the URL's filters and cursor: a bad value gives messages, never a crash. */
export function parseAuditQuery(params: SearchParams): ParsedAuditQuery {
  const raw: RawAuditPageFilters = {};
  for (const key of AUDIT_PAGE_KEYS) {
    const value = first(params, key);
    if (value !== undefined) raw[key] = value;
  }
  const cursorText = first(params, 'cursor');
  const result = filterSchema.safeParse({ ...raw, cursor: cursorText });
  // One message per filter and problem (a value can fail both a length and a pattern check).
  const problems: AuditFilterError[] = result.success ? [] : [...new Set(result.error.issues.map(filterError))];
  let cursor: Cursor | null = null;
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (!cursor && !problems.some((problem) => problem.startsWith('cursor:'))) problems.push('cursor:cursor');
  }
  if (!result.success || problems.length > 0) {
    return { ok: false, problems, raw };
  }

  const v = result.data;
  const filters: AuditFilters = {
    from: v.from?.start,
    toExclusive: v.to ? new Date(v.to.start.getTime() + v.to.unitMs) : undefined,
    operatorEmail: v.operator && !UUID.test(v.operator) ? v.operator : undefined,
    operatorId: v.operator && UUID.test(v.operator) ? v.operator : undefined,
    memberId: v.member,
    action: v.action,
    outcome: v.outcome,
    resultCode: v.code === NO_RESULT_CODE ? null : v.code,
    cardState: v.cardState,
    correlationId: v.correlationId,
    hideRoutine: v.signIns !== SHOW_SIGN_INS && !v.action,
  };
  return { ok: true, filters, cursor, raw };
}

/** `?from=…&operator=…` for links (empty values left out), optionally with a cursor. */
export function auditQueryString(raw: RawAuditPageFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_PAGE_KEYS) {
    const value = raw[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The keys `filterErrorText` reads, so any `audit` translator (page or route) fits. */
type FilterErrorKey = `filters.names.${FilterName}` | `filters.problems.${AuditFilterProblem}`;

/** A filter error in the operator's words: "member:member" → "Member: expected a member id …"; any other text as it is. */
export function filterErrorText(error: string, t: (key: FilterErrorKey) => string): string {
  const [filter = '', problem = ''] = error.split(':');
  if (!isFilterName(filter) || !isProblem(problem)) return error;
  return `${t(`filters.names.${filter}`)}: ${t(`filters.problems.${problem}`)}`;
}

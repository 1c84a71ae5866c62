import { z } from 'zod';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import {
  AUDIT_ACTIONS,
  AUDIT_FILTER_KEYS,
  AUDIT_OUTCOME_NAMES,
  type AuditAction,
  type AuditFilterKey,
  type AuditOutcomeName,
  type RawAuditFilters,
} from '@/lib/domain/audit';
import { decodeCursor, type Cursor } from './cursor';

/**
 * The audit page's filters as they travel in the URL (shareable links), validated with zod.
 * Free of server-only imports: the page, the export route and the tests share it.
 */

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
  resultCode?: string;
  correlationId?: string;
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

const TIME_MESSAGE = 'expected a date (2026-05-01), a date and time (2026-05-01T09:30) in Korea time, or an ISO time with a zone';
const time = z.string().transform((value, ctx) => {
  const parsed = parseTime(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
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
      .max(254, 'expected an operator email or id')
      .transform((v) => v.toLowerCase())
      .refine((v) => UUID.test(v) || /^[^\s@]+@[^\s@]+$/.test(v), 'expected an operator email or id')
      .optional(),
    member: z.string().regex(MEMBER_ID_PATTERN, 'expected a member id: 1 to 19 digits, not starting with 0').optional(),
    action: z.enum(AUDIT_ACTIONS, { message: 'unknown action' }).optional(),
    outcome: z.enum(AUDIT_OUTCOME_NAMES as [AuditOutcomeName, ...AuditOutcomeName[]], { message: 'unknown outcome' }).optional(),
    code: z.string().max(32, 'expected a result code').regex(/^[A-Za-z0-9_.-]+$/, 'expected a result code such as 003_018').optional(),
    correlationId: z.string().max(100, 'expected a correlation id').regex(/^[A-Za-z0-9_.:-]+$/, 'expected a correlation id').optional(),
    cursor: z.string().max(200).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from.start.getTime() < v.to.start.getTime() + v.to.unitMs, {
    message: '"from" is after "to"',
    path: ['from'],
  });

const FILTER_LABELS: Record<AuditFilterKey | 'cursor', string> = {
  from: 'From',
  to: 'To',
  operator: 'Operator',
  member: 'Member',
  action: 'Action',
  outcome: 'Outcome',
  code: 'Result code',
  correlationId: 'Correlation id',
  cursor: 'Page',
};

export type ParsedAuditQuery =
  | { ok: true; filters: AuditFilters; cursor: Cursor | null; raw: RawAuditFilters }
  | { ok: false; errors: string[]; raw: RawAuditFilters };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed ? trimmed : undefined;
}

/** Validates the URL's filters and cursor: a bad value gives messages, never a crash. */
export function parseAuditQuery(params: SearchParams): ParsedAuditQuery {
  const raw: RawAuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = first(params, key);
    if (value !== undefined) raw[key] = value;
  }
  const cursorText = first(params, 'cursor');
  const result = filterSchema.safeParse({ ...raw, cursor: cursorText });
  const errors = result.success
    ? []
    : result.error.issues.map((issue) => `${FILTER_LABELS[issue.path[0] as AuditFilterKey] ?? 'Filter'}: ${issue.message}`);
  let cursor: Cursor | null = null;
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (!cursor) errors.push('Page: this page link is not valid; start again from the first page.');
  }
  if (!result.success || errors.length > 0) return { ok: false, errors, raw };

  const v = result.data;
  const filters: AuditFilters = {
    from: v.from?.start,
    toExclusive: v.to ? new Date(v.to.start.getTime() + v.to.unitMs) : undefined,
    operatorEmail: v.operator && !UUID.test(v.operator) ? v.operator : undefined,
    operatorId: v.operator && UUID.test(v.operator) ? v.operator : undefined,
    memberId: v.member,
    action: v.action,
    outcome: v.outcome,
    resultCode: v.code,
    correlationId: v.correlationId,
  };
  return { ok: true, filters, cursor, raw };
}

/** `?from=…&operator=…` for links (empty values left out), optionally with a cursor. */
export function auditQueryString(raw: RawAuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = raw[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

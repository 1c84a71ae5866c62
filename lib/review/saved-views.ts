import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AUDIT_PAGE_KEYS, parseAuditQuery, type AuditFilterError, type RawAuditPageFilters } from '@/lib/audit/filters';
import { getDb, type Database } from '@/lib/db/client';
import { savedAuditViews, type SavedAuditViewRow } from '@/lib/db/schema';
import { can, type Role } from '@/lib/domain/permissions';
import { hasHiddenCharacters } from '@/lib/schemas/text';
import { toNumber } from './sql';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX, type SavedAuditView, type SavedViewProblem } from '@/lib/domain/review';

/**
 * Saved audit views: an operator who reads the audit trail names the audit page's filters (the
 * strings as typed, validated as the page validates them) and finds them again. Names are
 * visible text of at most 80 characters, unique per operator whatever their case.
 */

export interface SavedViewActor {
  id: string;
  roles: readonly Role[];
}

function toView(row: SavedAuditViewRow): SavedAuditView {
  return { id: toNumber(row.id), name: row.name, filters: row.filters, createdAt: row.createdAt.toISOString() };
}

/** The operator's saved views, by name. */
export async function listSavedAuditViews(operatorId: string, options: { db?: Database } = {}): Promise<SavedAuditView[]> {
  const db = options.db ?? (await getDb());
  const rows = await db
    .select()
    .from(savedAuditViews)
    .where(eq(savedAuditViews.operatorId, operatorId))
    .orderBy(sql`lower(${savedAuditViews.name})`, asc(savedAuditViews.id));
  return rows.map(toView);
}

/** The name as stored (ordinary spaces around it trimmed), or what is wrong with it. */
export function checkViewName(text: string): { ok: true; name: string } | { ok: false; problem: SavedViewProblem } {
  const name = text.replace(/^ +| +$/g, '');
  if (hasHiddenCharacters(name)) return { ok: false, problem: 'name-hidden-characters' };
  if (!/\S/u.test(name) || !/[^\s\p{Cf}]/u.test(name)) return { ok: false, problem: 'name-empty' };
  if ([...name].length > SAVED_VIEW_NAME_MAX) return { ok: false, problem: 'name-too-long' };
  return { ok: true, name };
}

export type SaveViewResult =
  | { ok: true; view: SavedAuditView }
  /** `filterErrors`: what is wrong with the filters when they do not validate (lib/audit/filters.ts, worded by filterErrorText). */
  | { ok: false; problems: SavedViewProblem[]; filterErrors?: AuditFilterError[] };

/** Saves the audit page's filters under a name (the filters are validated as the page does; a cursor is not kept). */
export async function saveAuditView(
  input: { actor: SavedViewActor; name: string; filters: RawAuditPageFilters | Record<string, string | undefined> },
  options: { db?: Database } = {},
): Promise<SaveViewResult> {
  if (!can(input.actor.roles, 'audit.read')) return { ok: false, problems: ['forbidden'] };
  const problems: SavedViewProblem[] = [];
  const name = checkViewName(input.name);
  if (!name.ok) problems.push(name.problem);

  const raw: RawAuditPageFilters = {};
  for (const key of AUDIT_PAGE_KEYS) {
    const value = input.filters[key]?.trim();
    if (value) raw[key] = value;
  }
  let filterErrors: AuditFilterError[] | undefined;
  if (Object.keys(raw).length === 0) problems.push('filters-empty');
  else {
    const parsed = parseAuditQuery(raw);
    if (!parsed.ok) {
      problems.push('filters-invalid');
      filterErrors = parsed.problems;
    }
  }
  if (problems.length > 0 || !name.ok) return { ok: false, problems, ...(filterErrors ? { filterErrors } : {}) };

  const db = options.db ?? (await getDb());
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(savedAuditViews)
    .where(eq(savedAuditViews.operatorId, input.actor.id));
  if (toNumber(n) >= SAVED_VIEWS_MAX) return { ok: false, problems: ['too-many'] };
  const [row] = await db
    .insert(savedAuditViews)
    .values({ operatorId: input.actor.id, name: name.name, filters: raw })
    .onConflictDoNothing()
    .returning();
  return row ? { ok: true, view: toView(row) } : { ok: false, problems: ['name-taken'] };
}

/** Deletes one of the operator's own views; false when they have none with that id. */
export async function deleteSavedAuditView(input: { actor: SavedViewActor; id: number }, options: { db?: Database } = {}): Promise<boolean> {
  if (!Number.isSafeInteger(input.id) || input.id < 1) return false;
  const db = options.db ?? (await getDb());
  const rows = await db
    .delete(savedAuditViews)
    .where(and(eq(savedAuditViews.id, input.id), eq(savedAuditViews.operatorId, input.actor.id)))
    .returning({ id: savedAuditViews.id });
  return rows.length > 0;
}

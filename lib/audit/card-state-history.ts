import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, queryRows, type Database } from '@/lib/db';
import { cardStateHistory, type CardStateSnapshot } from '@/lib/db/schema';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import type { MemberCard } from '@/lib/domain/cards';
import { CARD_CHANGING_ACTIONS } from '@/lib/domain/audit';
import { canonicalJson } from './chain';

/**
 * Card-state history: what the console saw of each card, one row per change. Every read of a
 * member's cards reports its observations here; a row is written only when a state field
 * differs from the latest row of that card.
 */

export const CARD_STATE_FIELDS = [
  'lifeStatus',
  'bizStatus',
  'mobileStatus',
  'physicalStatus',
  'balance',
  'pendingAmount',
  'expiryDate',
] as const satisfies readonly (keyof CardStateSnapshot)[];
export type CardStateField = (typeof CARD_STATE_FIELDS)[number];

export const CARD_STATE_FIELD_LABELS: Record<CardStateField, string> = {
  lifeStatus: 'Life status',
  bizStatus: 'Business status',
  mobileStatus: 'Mobile card',
  physicalStatus: 'Physical card',
  balance: 'Balance',
  pendingAmount: 'Pending amount',
  expiryDate: 'Expiry',
};

/** The tracked state of a card; amounts as decimal strings (never floats). */
export function cardStateOf(card: MemberCard): Required<CardStateSnapshot> {
  return {
    lifeStatus: card.cardLifeStatus,
    bizStatus: card.cardBizStatus,
    mobileStatus: card.mobileCardStatus ?? null,
    physicalStatus: card.physicalCardStatus ?? null,
    balance: String(card.balance),
    pendingAmount: String(card.pendingAmount),
    expiryDate: card.expiryDate,
  };
}

export function cardStateHash(state: CardStateSnapshot): string {
  const normalised = Object.fromEntries(CARD_STATE_FIELDS.map((field) => [field, state[field] ?? null]));
  return createHash('sha256').update(canonicalJson(normalised)).digest('hex');
}

export interface StateChange {
  field: CardStateField;
  label: string;
  from: string | null;
  to: string | null;
}

/** Fields that differ between two observations (every non-null field when there is no previous one). */
export function diffCardStates(previous: CardStateSnapshot | null, next: CardStateSnapshot): StateChange[] {
  return CARD_STATE_FIELDS.filter((field) => (previous?.[field] ?? null) !== (next[field] ?? null)).map((field) => ({
    field,
    label: CARD_STATE_FIELD_LABELS[field],
    from: previous?.[field] ?? null,
    to: next[field] ?? null,
  }));
}

/**
 * Records what a read of `memberId`'s cards saw: a new row per card whose state differs from
 * that card's latest row (first sightings included). One query fetches the latest hashes of all
 * the cards; concurrent reads of the same member are serialised so a change is written once.
 * `auditEventId` links the rows to the event of the read (or action) that observed them.
 */
export async function recordCardObservations(
  memberId: string,
  cards: readonly MemberCard[],
  opts?: { auditEventId?: number; db?: Database },
): Promise<{ changed: number }> {
  if (!MEMBER_ID_PATTERN.test(memberId)) throw new Error('recordCardObservations: member id must be 1 to 19 digits');
  const byPar = new Map<string, { state: CardStateSnapshot; hash: string }>();
  for (const card of cards) {
    const state = cardStateOf(card);
    byPar.set(card.par, { state, hash: cardStateHash(state) });
  }
  if (byPar.size === 0) return { changed: 0 };
  const db = opts?.db ?? (await getDb());
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`card-state:${memberId}`}, 0))`);
    const latest = await tx
      .selectDistinctOn([cardStateHistory.par], { par: cardStateHistory.par, stateHash: cardStateHistory.stateHash })
      .from(cardStateHistory)
      .where(and(eq(cardStateHistory.memberId, memberId), inArray(cardStateHistory.par, [...byPar.keys()])))
      .orderBy(cardStateHistory.par, sql`${cardStateHistory.observedAt} desc`, sql`${cardStateHistory.id} desc`);
    const latestHash = new Map(latest.map((row) => [row.par, row.stateHash]));
    const rows = [...byPar]
      .filter(([par, { hash }]) => latestHash.get(par) !== hash)
      .map(([par, { state, hash }]) => ({ memberId, par, state, stateHash: hash, auditEventId: opts?.auditEventId ?? null }));
    if (rows.length > 0) await tx.insert(cardStateHistory).values(rows);
    return { changed: rows.length };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* A card's timeline                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** An operator action shown next to the state change it (probably) caused. */
export interface LinkedAction {
  id: number;
  at: string;
  action: string;
  outcome: string;
  operatorEmail: string | null;
  cardRef: string | null;
  resultCode: string | null;
  correlationId: string | null;
  /** True when the state row names this event; false when linked by time window. */
  direct: boolean;
}

export interface CardStateTimelineEntry {
  id: number;
  /** ISO time. */
  observedAt: string;
  par: string;
  state: CardStateSnapshot;
  /** First sighting of the card: `changes` then lists its initial state. */
  first: boolean;
  changes: StateChange[];
  /** Operator actions between the previous observation and this one that could explain it. */
  actions: LinkedAction[];
}

interface StateRow extends Record<string, unknown> {
  id: string;
  observed_at: string;
  par: string;
  member_id: string;
  state: CardStateSnapshot;
  prev_state: CardStateSnapshot | null;
  prev_observed_at: string | null;
  audit_event_id: string | null;
}

interface ActionRow extends Record<string, unknown> {
  id: string;
  at: string;
  action: string;
  outcome: string;
  operator_email: string | null;
  card_ref: string | null;
  result_code: string | null;
  correlation_id: string | null;
}

const isoText = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const toIso = (text: string) => new Date(text).toISOString();

/** The state rows selected with their predecessor (same card) through an index-bounded lateral lookup. */
function stateRowsSql(where: SQL, limit: number): SQL {
  return sql`
    select h.id::text as id, ${isoText(sql`h.observed_at`)} as observed_at, h.par, h.member_id, h.state,
           h.audit_event_id::text as audit_event_id, p.state as prev_state, ${isoText(sql`p.observed_at`)} as prev_observed_at
    from card_state_history h
    left join lateral (
      select p.state, p.observed_at from card_state_history p
      where p.par = h.par and (p.observed_at < h.observed_at or (p.observed_at = h.observed_at and p.id < h.id))
      order by p.observed_at desc, p.id desc limit 1
    ) p on true
    where ${where}
    order by h.observed_at desc, h.id desc
    limit ${limit}`;
}

/**
 * The states a card has been in, newest first, each with what changed and the operator
 * actions around it: actions on this card (e.g. its reissue → old card `3A`) and, for the
 * card's first sighting, issuances and reissues for the member that may have created it.
 */
export async function getCardStateTimeline(
  memberId: string,
  par: string,
  opts: { limit?: number; db?: Database } = {},
): Promise<CardStateTimelineEntry[]> {
  const db = opts.db ?? (await getDb());
  const rows = await queryRows<StateRow>(
    db,
    stateRowsSql(sql`h.par = ${par} and h.member_id = ${memberId}`, opts.limit ?? 100),
  );
  if (rows.length === 0) return [];
  const oldest = rows[rows.length - 1]!;
  const windowStart = oldest.prev_observed_at ?? '-infinity';
  const directIds = rows.map((r) => r.audit_event_id).filter((id): id is string => id !== null);
  const actions = await queryRows<ActionRow>(
    db,
    sql`select id::text as id, ${isoText(sql`at`)} as at, action, outcome, operator_email, card_ref, result_code, correlation_id
        from audit_events
        where (member_id = ${memberId}
               and action in (${sql.join(CARD_CHANGING_ACTIONS.map((a) => sql`${a}`), sql`, `)})
               and at > ${windowStart}::timestamptz and at <= ${rows[0]!.observed_at}::timestamptz)
           ${directIds.length ? sql`or id in (${sql.join(directIds.map((id) => sql`${id}::bigint`), sql`, `)})` : sql``}
        order by at desc, id desc
        limit 500`,
  );
  return rows.map((row) => {
    const first = row.prev_state === null;
    const from = row.prev_observed_at ? new Date(row.prev_observed_at).getTime() : -Infinity;
    const to = new Date(row.observed_at).getTime();
    const linked = actions
      .filter((a) => {
        if (a.id === row.audit_event_id) return true;
        const at = new Date(a.at).getTime();
        if (!(at > from && at <= to) || !(CARD_CHANGING_ACTIONS as readonly string[]).includes(a.action)) return false;
        return a.card_ref === par || (first && a.card_ref !== par);
      })
      .map((a) => toLinkedAction(a, a.id === row.audit_event_id));
    return {
      id: Number(row.id),
      observedAt: toIso(row.observed_at),
      par: row.par,
      state: row.state,
      first,
      changes: diffCardStates(row.prev_state, row.state),
      actions: linked,
    };
  });
}

function toLinkedAction(a: ActionRow, direct: boolean): LinkedAction {
  return {
    id: Number(a.id),
    at: toIso(a.at),
    action: a.action,
    outcome: a.outcome,
    operatorEmail: a.operator_email,
    cardRef: a.card_ref,
    resultCode: a.result_code,
    correlationId: a.correlation_id,
    direct,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* A member's timeline: actions and state changes merged, newest first                        */
/* ------------------------------------------------------------------------------------------ */

export type MemberTimelineItem =
  | {
      kind: 'action';
      key: string;
      id: number;
      at: string;
      action: string;
      outcome: string;
      operatorEmail: string | null;
      cardRef: string | null;
      resultCode: string | null;
      correlationId: string | null;
      durationMs: number | null;
      requestSummary: Record<string, unknown> | null;
    }
  | {
      kind: 'state';
      key: string;
      id: number;
      at: string;
      par: string;
      state: CardStateSnapshot;
      first: boolean;
      changes: StateChange[];
    };

export interface MemberTimelinePage {
  items: MemberTimelineItem[];
  nextCursor: string | null;
}

/** Total order of the merged timeline: at desc, then actions before states, then id desc. */
const RANK = { action: 1, state: 0 } as const;
type Kind = keyof typeof RANK;

interface TimelineCursor {
  at: string;
  kind: Kind;
  id: number;
}

function encodeTimelineCursor(c: TimelineCursor): string {
  return Buffer.from(`${c.at}|${c.kind}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeTimelineCursor(text: string): TimelineCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const [at, kind, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at)) return null;
  if ((kind !== 'action' && kind !== 'state') || !id || !/^[1-9]\d{0,15}$/.test(id)) return null;
  return { at, kind, id: Number(id) };
}

/** Rows of one kind strictly after the cursor in the merged order, as an index-friendly bound. */
function afterTimelineCursor(kind: Kind, timeColumn: SQL, idColumn: SQL, cursor: TimelineCursor | null): SQL {
  if (!cursor) return sql`true`;
  const at = sql`${cursor.at}::timestamptz`;
  if (RANK[kind] < RANK[cursor.kind]) return sql`${timeColumn} <= ${at}`;
  if (RANK[kind] > RANK[cursor.kind]) return sql`${timeColumn} < ${at}`;
  return sql`${timeColumn} <= ${at} and (${timeColumn} < ${at} or ${idColumn} < ${cursor.id})`;
}

interface MergedRow extends Record<string, unknown> {
  kind: Kind;
  id: string;
  at: string;
  action: string | null;
  outcome: string | null;
  operator_email: string | null;
  card_ref: string | null;
  result_code: string | null;
  correlation_id: string | null;
  duration_ms: number | null;
  request_summary: Record<string, unknown> | null;
  par: string | null;
  state: CardStateSnapshot | null;
  prev_state: CardStateSnapshot | null;
}

/**
 * One page of a member's timeline: every audit event naming the member and every card-state
 * change of their cards, newest first. Each side is an index range scan limited to one page;
 * the merge happens on at most twice the page size.
 */
export async function listMemberTimeline(
  memberId: string,
  opts: { cursor?: string | null; limit?: number; db?: Database } = {},
): Promise<MemberTimelinePage> {
  const db = opts.db ?? (await getDb());
  const limit = opts.limit ?? 50;
  const cursor = opts.cursor ? decodeTimelineCursor(opts.cursor) : null;
  if (opts.cursor && !cursor) throw new RangeError('invalid timeline cursor');
  const rows = await queryRows<MergedRow>(
    db,
    sql`select * from (
      (select 'action' as kind, e.id::text as id, e.at as sort_at, ${isoText(sql`e.at`)} as at, e.action, e.outcome,
              e.operator_email, e.card_ref, e.result_code, e.correlation_id, e.duration_ms, e.request_summary,
              null::text as par, null::jsonb as state, null::jsonb as prev_state
       from audit_events e
       where e.member_id = ${memberId} and ${afterTimelineCursor('action', sql`e.at`, sql`e.id`, cursor)}
       order by e.at desc, e.id desc limit ${limit + 1})
      union all
      (select 'state', h.id::text, h.observed_at, ${isoText(sql`h.observed_at`)}, null, null,
              null, null, null, null, null, null,
              h.par, h.state, p.state
       from card_state_history h
       left join lateral (
         select p.state from card_state_history p
         where p.par = h.par and (p.observed_at < h.observed_at or (p.observed_at = h.observed_at and p.id < h.id))
         order by p.observed_at desc, p.id desc limit 1
       ) p on true
       where h.member_id = ${memberId} and ${afterTimelineCursor('state', sql`h.observed_at`, sql`h.id`, cursor)}
       order by h.observed_at desc, h.id desc limit ${limit + 1})
    ) merged
    order by sort_at desc, (kind = 'action') desc, id::bigint desc
    limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const items: MemberTimelineItem[] = page.map((row) =>
    row.kind === 'action'
      ? {
          kind: 'action',
          key: `action-${row.id}`,
          id: Number(row.id),
          at: toIso(row.at),
          action: row.action!,
          outcome: row.outcome!,
          operatorEmail: row.operator_email,
          cardRef: row.card_ref,
          resultCode: row.result_code,
          correlationId: row.correlation_id,
          durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
          requestSummary: row.request_summary,
        }
      : {
          kind: 'state',
          key: `state-${row.id}`,
          id: Number(row.id),
          at: toIso(row.at),
          par: row.par!,
          state: row.state!,
          first: row.prev_state === null,
          changes: diffCardStates(row.prev_state, row.state!),
        },
  );
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeTimelineCursor({ at: last.at, kind: last.kind, id: Number(last.id) }) : null,
  };
}

import 'server-only';
import { eq, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { getDb, type Database } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import type { MemberTimelineItem } from '@/lib/domain/audit';
import { afterCursorSql, decodeCursor, encodeCursor, type Cursor, type KindCursor } from '../cursor';
import { listAuditEventsWhere } from '../queries';
import { readObservedStates } from './observed-states';

export interface MemberTimelinePage {
  items: MemberTimelineItem[];
  nextCursor: string | null;
}

type TimelineKind = MemberTimelineItem['kind'];
export type TimelineCursor = KindCursor<TimelineKind>;

/** Total order of the merged timeline: time desc, then actions before states, then id desc. */
const KIND_RANK: Record<TimelineKind, number> = { action: 1, state: 0 };
const TIMELINE_KINDS = Object.keys(KIND_RANK) as TimelineKind[];

export const decodeTimelineCursor = (text: string): TimelineCursor | null => decodeCursor(text, TIMELINE_KINDS);

/** Rows of one kind strictly after the cursor in the merged order, as an index-friendly bound. */
function afterTimelineCursor(kind: TimelineKind, time: PgColumn | SQL, id: PgColumn | SQL, cursor: TimelineCursor | null): SQL {
  if (!cursor) return sql`true`;
  const at = sql`${cursor.at}::timestamptz`;
  if (KIND_RANK[kind] < KIND_RANK[cursor.kind]) return sql`${time} <= ${at}`;
  if (KIND_RANK[kind] > KIND_RANK[cursor.kind]) return sql`${time} < ${at}`;
  return afterCursorSql(time, id, cursor);
}

interface Positioned {
  item: MemberTimelineItem;
  position: Cursor;
}

/** Newest first; exact times are fixed-width UTC text, so comparing the text compares the instants. */
function mergedOrder(a: Positioned, b: Positioned): number {
  if (a.position.at !== b.position.at) return a.position.at < b.position.at ? 1 : -1;
  if (a.item.kind !== b.item.kind) return KIND_RANK[b.item.kind] - KIND_RANK[a.item.kind];
  return b.position.id - a.position.id;
}

/**
 * One page of a member's timeline: every audit event naming the member and every card-state
 * change of their cards, newest first, but the reads of this timeline itself (they are on the
 * audit page: a timeline would otherwise open with the read of it). Each side is an index range scan limited to one page;
 * the merge happens on at most twice the page size.
 */
export async function listMemberTimeline(
  memberId: string,
  opts: { cursor?: TimelineCursor | null; limit?: number; db?: Database } = {},
): Promise<MemberTimelinePage> {
  const db = opts.db ?? (await getDb());
  const limit = opts.limit ?? 50;
  const cursor = opts.cursor ?? null;
  const actions = await listAuditEventsWhere(
    db,
    [eq(auditEvents.memberId, memberId), ne(auditEvents.action, 'audit-read'), afterTimelineCursor('action', auditEvents.at, auditEvents.id, cursor)],
    limit + 1,
  );
  const states = await readObservedStates(
    db,
    sql`h.member_id = ${memberId} and ${afterTimelineCursor('state', sql`h.observed_at`, sql`h.id`, cursor)}`,
    limit + 1,
  );
  const merged: Positioned[] = [
    ...actions.map(({ event, position }) => ({ item: { ...event, kind: 'action' as const, key: `action-${event.id}` }, position })),
    ...states.map(({ change, position }) => ({ item: { ...change, kind: 'state' as const, key: `state-${change.id}` }, position })),
  ].sort(mergedOrder);
  const page = merged.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((p) => p.item),
    nextCursor: merged.length > limit && last ? encodeCursor({ ...last.position, kind: last.item.kind }) : null,
  };
}

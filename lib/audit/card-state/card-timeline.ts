import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import { APPROVAL_STEP_ACTIONS, CARD_CHANGING_ACTIONS, type AuditEventView, type CardStateTimelineEntry } from '@/lib/domain/audit';
import { auditEventColumns, toAuditEventView } from '../event-view';
import { readObservedStates, type ObservedState } from './observed-states';

const isCardChanging = (action: string) => (CARD_CHANGING_ACTIONS as readonly string[]).includes(action);
const isApprovalStep = (action: string) => (APPROVAL_STEP_ACTIONS as readonly string[]).includes(action);
const TIMELINE_ACTIONS = [...CARD_CHANGING_ACTIONS, ...APPROVAL_STEP_ACTIONS];

/**
 * The states a card has been in, newest first, each with what changed and the operator
 * actions around it: actions on this card (e.g. its reissue → old card `3A`) and, for the
 * card's first sighting, issuances and reissues for the member that may have created it. A held
 * action's approval steps on this card show next to the change they led to.
 */
export async function getCardStateTimeline(
  memberId: string,
  par: string,
  opts: { limit?: number; db?: Database } = {},
): Promise<CardStateTimelineEntry[]> {
  const db = opts.db ?? (await getDb());
  const states = await readObservedStates(db, sql`h.par = ${par} and h.member_id = ${memberId}`, opts.limit ?? 100);
  if (states.length === 0) return [];
  const windowStart = states[states.length - 1]!.previousAt ?? '-infinity';
  const directIds = states.flatMap((s) => (s.auditEventId === null ? [] : [s.auditEventId]));
  const rows = await db
    .select(auditEventColumns)
    .from(auditEvents)
    .where(
      or(
        and(
          eq(auditEvents.memberId, memberId),
          inArray(auditEvents.action, TIMELINE_ACTIONS),
          sql`${auditEvents.at} > ${windowStart}::timestamptz`,
          sql`${auditEvents.at} <= ${states[0]!.position.at}::timestamptz`,
        ),
        directIds.length ? inArray(auditEvents.id, directIds) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(500);
  const actions = rows.map(toAuditEventView);
  return states.map((state) => ({ ...state.change, actions: linkedActions(state, actions, par) }));
}

/** The events that observed `state` or, between the card's previous state and it, could have caused it. */
function linkedActions(state: ObservedState, actions: AuditEventView[], par: string) {
  const from = state.previousAt ? Date.parse(state.previousAt) : -Infinity;
  const to = Date.parse(state.position.at);
  return actions.flatMap((action) => {
    const direct = action.id === state.auditEventId;
    const at = Date.parse(action.at);
    const inWindow = at > from && at <= to;
    const caused = inWindow && isCardChanging(action.action) && (action.cardRef === par || state.change.first);
    const approvalStep = inWindow && isApprovalStep(action.action) && action.cardRef === par;
    return direct || caused || approvalStep ? [{ ...action, direct }] : [];
  });
}

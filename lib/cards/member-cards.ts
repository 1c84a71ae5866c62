import 'server-only';
import { recordCardObservations } from '@/lib/audit/card-state-history';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentOperator } from '@/lib/auth/access';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { konaplate, KonaplateError, type CallResult, type MemberCard } from '@/lib/konaplate';

/**
 * Reading a member's cards: the one path every view takes. It audits the read, records
 * card-state changes, and shares one upstream call among identical reads that arrive
 * within REUSE_WINDOW_MS (focus revalidation, several tabs, a page and its SWR refresh).
 */
export const REUSE_WINDOW_MS = 2_000;

export interface CardQuery {
  userId: string;
  par?: string;
}


interface SharedRead {
  at: number;
  result: Promise<CallResult<MemberCard[]>>;
}

const recent = new Map<string, SharedRead>();

function sharedRead(query: CardQuery): { result: Promise<CallResult<MemberCard[]>>; shared: boolean } {
  const key = `${query.userId}|${query.par ?? ''}`;
  const now = Date.now();
  for (const [k, read] of recent) if (now - read.at > REUSE_WINDOW_MS) recent.delete(k);
  const existing = recent.get(key);
  if (existing) return { result: existing.result, shared: true };
  const result = konaplate().searchCards(query);
  recent.set(key, { at: now, result });
  // A failure is not reused: the next read asks again.
  result.catch(() => recent.delete(key));
  return { result, shared: false };
}

export async function loadMemberCards(
  operator: CurrentOperator,
  query: CardQuery,
  action: 'search' | 'view-card' = 'search',
): Promise<MemberCardsResult> {
  const { result, shared } = sharedRead(query);
  try {
    const { data: cards, correlationId, durationMs } = await result;
    const event = await recordAudit({
      actor: operator,
      action,
      outcome: 'ok',
      memberId: query.userId,
      cardRef: query.par,
      request: { cards: cards.length, ...(shared ? { sharedWithinMs: REUSE_WINDOW_MS } : {}) },
      resultCode: '000_000',
      correlationId,
      durationMs: shared ? 0 : durationMs,
    });
    if (!shared) {
      // History is a by-product of the read: its failure must not hide the cards.
      await recordCardObservations(query.userId, cards, { auditEventId: event.id }).catch((error: unknown) =>
        console.error('[card-state-history] not recorded:', error instanceof Error ? error.message : error),
      );
    }
    return { status: 'ok', cards, fetchedAt: new Date().toISOString(), correlationId };
  } catch (error) {
    if (!(error instanceof KonaplateError)) throw error;
    await recordAudit({
      actor: operator,
      action,
      outcome: error.kind === 'rejected' ? 'rejected' : 'upstream_error',
      memberId: query.userId,
      cardRef: query.par,
      resultCode: error.code,
      correlationId: error.correlationId,
      durationMs: error.durationMs,
    });
    return {
      status: 'error',
      memberNotFound: error.code === '001_006',
      message: error.explanation,
      code: error.code,
      correlationId: error.correlationId,
    };
  }
}

import 'server-only';
import { getTranslations } from 'next-intl/server';
import { recordCardObservations } from '@/lib/audit/card-state/record-observations';
import { AuditUnavailableError } from '@/lib/audit/record';
import { explainUpstreamError } from '@/lib/auth/protected-action';
import type { CurrentOperator } from '@/lib/auth/access';
import type { MemberCard, MemberCardsResult } from '@/lib/domain/cards';
import { maskCardNumber } from '@/lib/format/card-number';
import { errorFields, logger } from '@/lib/log/logger';
import type { CallResult } from '@/lib/konaplate';
import { auditedCall, type AuditedCallResult } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

/**
 * Reading a member's cards: the one path every view takes (the member page, the card page,
 * the SWR refresh, find by card number). It audits the read, records card-state changes,
 * and shares one upstream call among identical reads that arrive within REUSE_WINDOW_MS
 * (focus revalidation, several tabs, a page and its refresh). A write to a member's cards
 * calls forgetMemberReads, so the next read after it is fresh.
 */
export const REUSE_WINDOW_MS = 2_000;

export interface CardQuery {
  userId: string;
  par?: string;
  /** A full card number: posted, used once, never kept (not even as a key of the shared reads). */
  physicalCardNo?: string;
}

interface SharedRead {
  userId: string;
  at: number;
  result: Promise<CallResult<MemberCard[]>>;
}

// On globalThis: pages, route handlers and server actions may load separate module instances,
// and a write in one must clear the reads of all.
const storeKey = Symbol.for('konaplate.shared-card-reads');
const recent = ((globalThis as Record<symbol, Map<string, SharedRead> | undefined>)[storeKey] ??= new Map());

function sharedRead(query: CardQuery): { result: Promise<CallResult<MemberCard[]>>; shared: boolean } {
  if (query.physicalCardNo) return { result: konaplate().searchCards(query), shared: false };
  const key = `${query.userId}|${query.par ?? ''}`;
  const now = Date.now();
  for (const [k, read] of recent) if (now - read.at > REUSE_WINDOW_MS) recent.delete(k);
  const existing = recent.get(key);
  if (existing) return { result: existing.result, shared: true };
  const read: SharedRead = { userId: query.userId, at: now, result: konaplate().searchCards(query) };
  recent.set(key, read);
  // A failure is not reused: the next read asks again.
  read.result.catch(() => recent.get(key) === read && recent.delete(key));
  return { result: read.result, shared: false };
}

/** After a write to `userId`'s cards: no read started before it may answer a read after it. */
export function forgetMemberReads(userId: string): void {
  for (const [key, read] of recent) if (read.userId === userId) recent.delete(key);
}

export async function loadMemberCards(
  operator: CurrentOperator,
  query: CardQuery,
  action: 'search' | 'view-card' = 'search',
): Promise<MemberCardsResult> {
  // Started inside the audited call: while the audit store does not answer, nothing is sent.
  let shared = false;
  let outcome: AuditedCallResult<MemberCard[]>;
  try {
    outcome = await auditedCall(
      {
        actor: operator,
        action,
        memberId: query.userId,
        cardRef: query.physicalCardNo ? maskCardNumber(query.physicalCardNo) : query.par,
        request: query.physicalCardNo ? { by: 'card number' } : {},
      },
      async () => {
        const read = sharedRead(query);
        shared = read.shared;
        // A shared answer cost this read nothing upstream.
        return shared ? { ...(await read.result), durationMs: 0 } : read.result;
      },
      (cards) => ({ cards: cards.length, ...(shared ? { sharedWithinMs: REUSE_WINDOW_MS } : {}) }),
    );
  } catch (error) {
    if (!(error instanceof AuditUnavailableError)) throw error;
    const t = await getTranslations('resultCodes.failure');
    return { status: 'error', memberNotFound: false, message: t('unavailable'), correlationId: '' };
  }
  if (!outcome.ok) {
    const { error } = outcome;
    return {
      status: 'error',
      memberNotFound: error.code === '001_006',
      message: (await explainUpstreamError(error)).message,
      code: error.code,
      correlationId: error.correlationId,
    };
  }
  if (!shared) {
    // History is a by-product of the read: its failure must not hide the cards.
    await recordCardObservations(query.userId, outcome.data, { auditEventId: outcome.auditEventId }).catch((error: unknown) =>
      logger().error(
        { correlationId: outcome.correlationId, operator: operator.email, error: errorFields(error) },
        'card-state history not recorded',
      ),
    );
  }
  return { status: 'ok', cards: outcome.data, fetchedAt: new Date().toISOString(), correlationId: outcome.correlationId };
}

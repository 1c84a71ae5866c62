import 'server-only';
import { cache } from 'react';
import { failureState } from '@/lib/auth/protected-action';
import type { CurrentOperator } from '@/lib/auth/access';
import type { ActionState } from '@/lib/domain/action-state';
import type { MemberContact, MemberProfile } from '@/lib/domain/member';
import type { CallResult } from '@/lib/konaplate';
import { auditedCall } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

/**
 * Whom the agent is speaking to: the member's profile (phone and e-mail masked) for the header
 * of every member page, and the audited reveal of the full contact details.
 *
 * A profile read is kept per member for REUSE_WINDOW_MS: an agent on a call moves between the
 * member's cards, card pages and timeline within a minute or two, and the name and masked
 * contact do not change in that time, so each page need not ask Konaplate again. Every view
 * is still audited (`member-profile`, with `reusedWithinMs` when it cost no upstream call).
 * Only the masked profile is kept; a failure is not, so the next page asks again.
 */
export const REUSE_WINDOW_MS = 60_000;

interface KeptProfile {
  at: number;
  result: Promise<CallResult<MemberProfile>>;
}

// On globalThis: pages and server actions may load separate module instances.
const storeKey = Symbol.for('konaplate.member-profiles');
const kept = ((globalThis as Record<symbol, Map<string, KeptProfile> | undefined>)[storeKey] ??= new Map());

function keptOrFresh(userId: string): { result: Promise<CallResult<MemberProfile>>; reused: boolean } {
  const now = Date.now();
  for (const [id, entry] of kept) if (now - entry.at > REUSE_WINDOW_MS) kept.delete(id);
  const existing = kept.get(userId);
  if (existing) return { result: existing.result, reused: true };
  const entry: KeptProfile = { at: now, result: konaplate().getMemberProfile(userId) };
  kept.set(userId, entry);
  entry.result.catch(() => kept.get(userId) === entry && kept.delete(userId));
  return { result: entry.result, reused: false };
}

/**
 * The member's profile as the operator may see it by default (masked), or the failure in their
 * words with its code and correlation id. Never throws: pages stream it beside the card list,
 * which must not fail with it. Once per request: what else on the page needs the profile (the
 * address prefill of a delivery form) shares the header's read.
 */
export const loadMemberProfile = cache(async (operator: CurrentOperator, userId: string): Promise<ActionState<MemberProfile>> => {
  try {
    let reused = false;
    const outcome = await auditedCall(
      { actor: operator, action: 'member-profile', memberId: userId },
      async () => {
        const read = keptOrFresh(userId);
        reused = read.reused;
        return reused ? { ...(await read.result), durationMs: 0 } : read.result;
      },
      () => (reused ? { reusedWithinMs: REUSE_WINDOW_MS } : {}),
    );
    if (!outcome.ok) return await failureState(outcome.error);
    return { status: 'ok', data: outcome.data };
  } catch (error) {
    return failureState(error);
  }
});

/**
 * The full mobile number, e-mail and birth date, for the operator who asked (the permission is
 * checked by the caller, the server action). Always a new call, audited as its own action; the
 * values are neither kept here nor logged nor written anywhere: they go only into the answer.
 */
export async function revealMemberContact(operator: CurrentOperator, userId: string): Promise<ActionState<MemberContact>> {
  const outcome = await auditedCall({ actor: operator, action: 'reveal-member-contact', memberId: userId }, () =>
    konaplate().revealMemberContact(userId),
  );
  if (!outcome.ok) return failureState(outcome.error);
  return { status: 'ok', data: outcome.data };
}

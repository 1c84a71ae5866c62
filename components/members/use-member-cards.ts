'use client';
import useSWR from 'swr';
import type { MemberCardsResult } from '@/lib/domain/cards';

async function fetchCards(url: string): Promise<MemberCardsResult> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  // The session ended: reloading lets the console send the operator to sign in and back.
  if (response.status === 401) window.location.reload();
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
  return (await response.json()) as MemberCardsResult;
}

/**
 * A member's cards read from the browser (the member and card pages render theirs on the
 * server), refreshed on focus and on demand. Identical requests within a few seconds are
 * deduplicated here, and the server shares one upstream call among reads within its own window.
 */
export function useMemberCards(userId: string) {
  return useSWR(`/api/members/${userId}/cards`, fetchCards, {
    revalidateOnFocus: true,
    dedupingInterval: 5_000,
    focusThrottleInterval: 5_000,
    keepPreviousData: true,
  });
}

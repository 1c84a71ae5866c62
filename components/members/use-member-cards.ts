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
 * A member's cards, refreshed on focus and on demand. The first answer comes from the
 * server render; identical requests within a few seconds are deduplicated here, and the
 * server shares one upstream call among reads within its own window.
 */
export function useMemberCards(query: { userId: string; par?: string }, fallbackData?: MemberCardsResult) {
  const url = `/api/members/${query.userId}/cards${query.par ? `?par=${query.par}` : ''}`;
  return useSWR(url, fetchCards, {
    fallbackData,
    // With a server-rendered answer there is nothing to fetch on mount; without one, fetch now.
    revalidateOnMount: fallbackData === undefined,
    revalidateOnFocus: true,
    dedupingInterval: 5_000,
    focusThrottleInterval: 5_000,
    keepPreviousData: true,
  });
}

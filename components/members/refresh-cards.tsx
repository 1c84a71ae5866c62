'use client';
import { useEffect, useRef, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { FetchedAt } from './fetched-at';

/** Read again no more often than this when the operator comes back to the window. */
const FOCUS_THROTTLE_MS = 5_000;

/**
 * The server-rendered card list's one island: when the cards were read, and a way to read them
 * again (the page renders afresh on the server), on demand and when the window regains focus.
 */
export function RefreshCards({ at }: { at?: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const lastRead = useRef(0);
  useEffect(() => {
    lastRead.current = Date.now();
  }, [at]);
  useEffect(() => {
    const onFocus = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastRead.current > FOCUS_THROTTLE_MS) {
        lastRead.current = Date.now();
        startRefresh(() => router.refresh());
      }
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [router]);
  return <FetchedAt at={at} refreshing={refreshing} onRefresh={() => startRefresh(() => router.refresh())} />;
}

'use client';
import useSWR from 'swr';
import type { ReactNode } from 'react';
import styles from './console-shell.module.css';

async function fetchCount(url: string): Promise<{ pending: number }> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { pending: number };
}

/** The Approvals entry's icon with the number of requests waiting (none shown at 0, 99+ above 99), refreshed every 30 s. */
export function PendingApprovalsBadge({ children }: { children: ReactNode }) {
  const { data } = useSWR('/api/approvals/count', fetchCount, { refreshInterval: 30_000, revalidateOnFocus: true });
  const pending = data?.pending ?? 0;
  return (
    <span className={styles.badged} data-testid="approvals-badge">
      {children}
      {pending > 0 && <span className={styles.badge}>{pending > 99 ? '99+' : pending}</span>}
    </span>
  );
}

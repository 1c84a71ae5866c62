'use client';
import useSWR from 'swr';
import Badge from '@mui/material/Badge';
import type { ReactNode } from 'react';

async function fetchCount(url: string): Promise<{ pending: number }> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { pending: number };
}

/** The Approvals entry's icon with the number of requests waiting, refreshed every 30 s. */
export function PendingApprovalsBadge({ children }: { children: ReactNode }) {
  const { data } = useSWR('/api/approvals/count', fetchCount, { refreshInterval: 30_000, revalidateOnFocus: true });
  return (
    <Badge badgeContent={data?.pending ?? 0} color="error" max={99} data-testid="approvals-badge">
      {children}
    </Badge>
  );
}

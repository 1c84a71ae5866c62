'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import useSWR from 'swr';
import type { ApprovalRequestView } from '@/lib/domain/approvals';
import { Alert } from '@/components/primitives/alert';
import primitives from '@/components/primitives/primitives.module.css';

type Standing = Pick<ApprovalRequestView, 'status' | 'outcome' | 'checkerEmail' | 'decisionComment'>;

async function fetchStanding(url: string): Promise<Standing> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Standing;
}

/**
 * An action held for a checker: nothing was sent. The maker's screen follows the request
 * (every 5 s while it waits) and says how it was decided, and how the platform answered.
 */
export function HeldForApproval({ message, requestId }: { message: string; requestId: string }) {
  const t = useTranslations('approvals');
  const { data } = useSWR(`/api/approvals/${requestId}`, fetchStanding, {
    refreshInterval: (latest) => (!latest || latest.status === 'pending' || latest.status === 'executing' ? 5_000 : 0),
  });
  const decided = data && data.status !== 'pending';
  return (
    <Alert
      severity={decided ? (data.status === 'executed' ? 'success' : 'warning') : 'info'}
      title={decided ? t(`statuses.${data.status}`) : t('held.title')}
      data-testid="held-for-approval"
      data-status={data?.status ?? 'pending'}
    >
      {!decided && message}
      {decided && data.outcome && (
        <p className={primitives.body2}>{[data.outcome.message, data.outcome.code, data.outcome.correlationId].filter(Boolean).join(' · ')}</p>
      )}
      {decided && data.decisionComment && <p className={primitives.body2}>{t('detail.decidedComment', { comment: data.decisionComment })}</p>}{' '}
      <Link href={`/approvals/${requestId}`}>{t('held.follow')}</Link>
    </Alert>
  );
}

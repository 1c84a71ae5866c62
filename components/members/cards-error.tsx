'use client';
import { useTranslations } from 'next-intl';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';
import { Alert } from '@/components/primitives/alert';
import primitives from '@/components/primitives/primitives.module.css';

/** Not a member (a plain answer) or a failure to quote: code and correlation id. */
export function CardsError({ userId, result }: { userId: string; result: Extract<MemberCardsResult, { status: 'error' }> }) {
  const t = useTranslations('members.error');
  return (
    <Alert
      severity={result.memberNotFound ? 'info' : 'error'}
      title={result.memberNotFound ? t('notFound', { userId }) : t('unreadable')}
      data-testid={result.memberNotFound ? 'member-not-found' : 'upstream-error'}
    >
      {result.message}
      <p className={primitives.reference}>
        <UpstreamReference code={result.code} correlationId={result.correlationId} />
      </p>
    </Alert>
  );
}

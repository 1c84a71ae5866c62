'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCan } from '@/components/shell/permissions-context';

/** A correlation id to quote; for QA, a link to its entry in the request inspector. */
export function CorrelationId({ id }: { id: string }) {
  const t = useTranslations('resultCodes.alert');
  const canInspect = useCan('sandbox.control');
  if (!id) return <span>{t('noCorrelationId')}</span>;
  return canInspect ? (
    <Link href={`/qa/inspector?correlationId=${encodeURIComponent(id)}`} title={t('openInInspector')}>
      {id}
    </Link>
  ) : (
    <span>{id}</span>
  );
}

/** "Result code 003_018 · Correlation id …": what the operator quotes when reporting an answer. */
export function UpstreamReference({ code, correlationId }: { code?: string; correlationId: string }) {
  const t = useTranslations('resultCodes.alert');
  return (
    <>
      {code && <span>{t('resultCode', { code })} · </span>}
      <span>
        {t('correlationId')} <CorrelationId id={correlationId} />
      </span>
    </>
  );
}

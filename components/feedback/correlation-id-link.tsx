'use client';
import Link from 'next/link';
import { useCan } from '@/components/shell/permissions-context';

/** A correlation id to quote; for QA, a link to its entry in the request inspector. */
export function CorrelationId({ id }: { id: string }) {
  const canInspect = useCan('sandbox.control');
  if (!id) return <span>none</span>;
  return canInspect ? (
    <Link href={`/qa/inspector?correlationId=${encodeURIComponent(id)}`} title="Open in the request inspector">
      {id}
    </Link>
  ) : (
    <span>{id}</span>
  );
}

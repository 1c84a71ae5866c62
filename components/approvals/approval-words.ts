'use client';
import { useTranslations } from 'next-intl';
import type { ApprovalRequestView } from '@/lib/domain/approvals';
import { isStatusChangeReason } from '@/lib/domain/status-reasons';

/** A request's action and reason in words (a reason this build does not know is shown as stored). */
export function useApprovalWords() {
  const tAction = useTranslations('audit.actions');
  const tReason = useTranslations('cards.statusChangeReasons');
  return {
    action: (request: Pick<ApprovalRequestView, 'action'>) => tAction(request.action),
    reason: (request: Pick<ApprovalRequestView, 'reason' | 'reasonText'>) => {
      const reason = isStatusChangeReason(request.reason) ? tReason(request.reason) : request.reason;
      return [reason, request.reasonText].filter(Boolean).join(' · ');
    },
  };
}

'use client';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { ROLES, type Role } from '@/lib/domain/permissions';
import { isAuditAction, isAuditOutcome } from '@/lib/domain/audit';
import { isStatusChangeReason } from '@/lib/domain/status-reasons';

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * The audit trail's stored words (actions, outcomes, roles) in the reader's language; a value
 * this build does not know (an older or newer event) is shown as stored.
 */
export function useAuditWords() {
  const t = useTranslations('audit');
  const reasons = useTranslations('cards.statusChangeReasons');
  return useMemo(
    () => ({
      action: (action: string) => (isAuditAction(action) ? t(`actions.${action}`) : action),
      outcome: (outcome: string) => (isAuditOutcome(outcome) ? t(`outcomes.${outcome}`) : outcome),
      role: (role: string) => (isRole(role) ? t(`roles.${role}`) : role),
      /** Who did it: the operator's email, or the console itself. */
      operator: (email: string | null) => email ?? t('system'),
      /** Why the card's state was changed (`requestSummary.reason`, with the words typed for "other"); null when the event says not. */
      reason: (summary: Record<string, unknown> | null): string | null => {
        if (!isStatusChangeReason(summary?.reason)) return null;
        const text = typeof summary.reasonText === 'string' ? summary.reasonText.trim() : '';
        return summary.reason === 'other' && text ? t('event.reasonOther', { reason: reasons('other'), text }) : reasons(summary.reason);
      },
    }),
    [t, reasons],
  );
}

'use client';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { isAuditAction } from '@/lib/domain/audit';
import { findingDetail, isWeekdayName, type FindingView } from '@/lib/domain/review';

/** Values of a breakdown (value → events), most frequent first: "003_901 (5), 003_902 (2)". */
function breakdownText(counts: Record<string, number> | undefined, count: (n: number) => string, label: (value: string) => string = (v) => v): string {
  return Object.entries(counts ?? {})
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([value, events]) => `${label(value)} (${count(events)})`)
    .join(', ');
}

/** Why the rule fired, in words: the figures it saw against its thresholds. */
export function FindingWhy({ finding }: { finding: FindingView }) {
  const t = useTranslations('review.findings');
  const tActions = useTranslations('audit.actions');
  const tDays = useTranslations('review.weekdays');
  const format = useLocaleFormat();
  const n = format.count;
  const sentence = (() => {
    switch (finding.rule) {
      case 'member-view-spike': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.member-view-spike', {
          members: d.members,
          threshold: n(d.threshold),
          baseline: d.baselineP95 === null ? 'none' : 'some',
          baselineP95: n(d.baselineP95 ?? 0),
          baselineHours: n(d.baselineHours),
          baselineDays: d.baselineDays,
          factor: d.factor,
          minMembers: n(d.minMembers),
        });
      }
      case 'card-testing': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.card-testing', { lookups: d.lookups, threshold: n(d.threshold), windowMinutes: d.windowMinutes, breakdown: breakdownText(d.resultCodes, n) });
      }
      case 'sign-in-failures': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.sign-in-failures', { failures: d.failures, threshold: n(d.threshold), windowMinutes: d.windowMinutes, breakdown: breakdownText(d.reasons, n) });
      }
      case 'sign-in-lockout': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.sign-in-lockout', { lockoutEvents: d.lockoutEvents, windowMinutes: d.windowMinutes, breakdown: breakdownText(d.reasons, n) });
      }
      case 'off-hours-action': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        const days = d.workingDays ? d.workingDays.split(',').map((day) => (isWeekdayName(day) ? tDays(day) : day)) : [];
        return t('why.off-hours-action', {
          events: d.events,
          workingDays: days.length ? days.join(', ') : t('why.noWorkingDays'),
          workingHours: d.workingHours,
          breakdown: breakdownText(d.actions, n, (action) => (isAuditAction(action) ? tActions(action) : action)),
        });
      }
      case 'reissue-of-new-card': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.reissue-of-new-card', {
          ageDays: d.ageDays,
          periodDays: d.periodDays,
          reissuedBy: d.reissuedBy ?? t('why.unknownOperator'),
          reissuedAt: format.dateTime(d.reissuedAt),
          issuedAt: format.dateTime(d.issuedAt),
          basis: t(`reissueBasis.${d.basis}`),
        });
      }
      case 'unknown-outcomes': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.unknown-outcomes', { unknown: d.unknown, threshold: n(d.threshold), windowMinutes: d.windowMinutes, breakdown: breakdownText(d.operators, n) });
      }
      case 'upstream-error-rate': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.upstream-error-rate', {
          errors: n(d.errors),
          calls: d.calls,
          ratePercent: d.ratePercent,
          thresholdPercent: d.thresholdPercent,
          minCalls: n(d.minCalls),
          windowMinutes: d.windowMinutes,
        });
      }
      case 'audit-chain-broken': {
        const d = findingDetail({ rule: finding.rule, detail: finding.detail });
        return t('why.audit-chain-broken', {
          kind: t(`chainBreaks.${d.kind}`),
          verifiedBefore: d.verifiedBefore,
          from: d.fromChainStart ? 'start' : 'head',
        });
      }
    }
  })();
  return (
    <Typography variant="body2" sx={{ mt: 1 }} data-testid="finding-why">
      {sentence}
    </Typography>
  );
}

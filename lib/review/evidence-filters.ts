import { SHOW_SIGN_INS, type RawAuditPageFilters } from '@/lib/audit/filters';
import { findingDetail, type FindingView } from '@/lib/domain/review';

/**
 * The audit page's filters that show a finding's evidence: the rule's window, narrowed to the
 * subject and to the events the rule counts. The audit page has no filter by event id, so the
 * rows are those the rule looked at (its evidence, and for some rules their neighbours in the
 * window: e.g. a card's reissue is shown with the member's other events).
 */
export function evidenceFilters(finding: FindingView): RawAuditPageFilters {
  // The window is [start, end): `to` with milliseconds is exact, so the last millisecond before the end.
  const window: RawAuditPageFilters = { from: finding.windowStart, to: new Date(new Date(finding.windowEnd).getTime() - 1).toISOString() };
  switch (finding.rule) {
    case 'card-testing':
      return { ...window, operator: finding.subject, action: 'unregistered-lookup', outcome: 'rejected' };
    case 'sign-in-failures':
    case 'sign-in-lockout':
      return { ...window, operator: finding.subject, action: 'sign-in-failure' };
    case 'member-view-spike':
    case 'off-hours-action':
      return { ...window, operator: finding.subject };
    case 'unknown-outcomes':
      return { ...window, action: finding.subject, outcome: 'unknown' };
    case 'upstream-error-rate':
      // A rate: every call of the action in the window, its failures (upstream errors and
      // unknown outcomes, which the rule counts alike) among the rest.
      return { ...window, action: finding.subject };
    case 'reissue-of-new-card': {
      const { memberId } = findingDetail({ rule: finding.rule, detail: finding.detail });
      return memberId ? { ...window, member: memberId } : window;
    }
    case 'audit-chain-broken':
      // The broken event may be any, a sign-in too.
      return { ...window, signIns: SHOW_SIGN_INS };
  }
}

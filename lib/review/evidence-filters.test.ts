import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from '@/lib/audit/filters';
import type { FindingView } from '@/lib/domain/review';
import { evidenceFilters } from './evidence-filters';

const finding = (over: Partial<FindingView>): FindingView => ({
  id: 1,
  rule: 'card-testing',
  severity: 'high',
  subjectKind: 'operator',
  subject: '0b5e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  subjectLabel: 'agent@konaplate.test',
  windowStart: '2026-11-25T06:10:00.000Z',
  windowEnd: '2026-11-25T06:20:00.000Z',
  evidenceIds: [1, 2, 3, 4, 5],
  evidenceCount: 5,
  detail: {},
  status: 'open',
  firstDetectedAt: '2026-11-25T06:30:00.000Z',
  lastDetectedAt: '2026-11-25T06:30:00.000Z',
  statusChangedAt: null,
  statusChangedByEmail: null,
  ...over,
});

describe('evidenceFilters', () => {
  it('narrows card testing to the operator’s rejected lookups in the window, end excluded', () => {
    const filters = evidenceFilters(finding({}));
    expect(filters).toEqual({
      from: '2026-11-25T06:10:00.000Z',
      to: '2026-11-25T06:19:59.999Z',
      operator: '0b5e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      action: 'unregistered-lookup',
      outcome: 'rejected',
    });
    const parsed = parseAuditQuery(filters);
    expect(parsed.ok && parsed.filters.toExclusive?.toISOString()).toBe('2026-11-25T06:20:00.000Z');
  });

  it('gives filters the audit page accepts for every rule', () => {
    const cases: Partial<FindingView>[] = [
      { rule: 'sign-in-failures', subjectKind: 'email', subject: 'nobody@example.test' },
      { rule: 'sign-in-lockout', subjectKind: 'email', subject: 'nobody@example.test' },
      { rule: 'member-view-spike' },
      { rule: 'off-hours-action' },
      { rule: 'unknown-outcomes', subjectKind: 'action', subject: 'reissue-prepaid' },
      { rule: 'upstream-error-rate', subjectKind: 'action', subject: 'search' },
      { rule: 'reissue-of-new-card', subjectKind: 'card', subject: 'PAR123', detail: { memberId: '9007199254740993123' } },
      { rule: 'audit-chain-broken', subjectKind: 'audit-event', subject: '42' },
    ];
    for (const over of cases) expect(parseAuditQuery(evidenceFilters(finding(over))).ok, over.rule).toBe(true);
    expect(evidenceFilters(finding(cases[0]!))).toMatchObject({ operator: 'nobody@example.test', action: 'sign-in-failure' });
    expect(evidenceFilters(finding(cases[5]!))).toMatchObject({ action: 'search' });
    expect(evidenceFilters(finding(cases[5]!)).outcome).toBeUndefined();
    expect(evidenceFilters(finding(cases[6]!))).toMatchObject({ member: '9007199254740993123' });
  });
});

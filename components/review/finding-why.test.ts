import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { FINDING_RULES, type FindingDetails, type FindingRule, type FindingView } from '@/lib/domain/review';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { FindingWhy } from './finding-why';

type Provided = ComponentProps<typeof NextIntlClientProvider>;

/** Figures as each rule stores them (lib/review/rules.ts). */
const DETAILS: { [R in FindingRule]: FindingDetails[R] } = {
  'member-view-spike': { members: 42, threshold: 30, baselineP95: 6.5, baselineHours: 120, baselineDays: 28, factor: 4, minMembers: 30 },
  'card-testing': { lookups: 7, threshold: 5, windowMinutes: 60, resultCodes: { '003_902': 2, '003_901': 5 } },
  'sign-in-failures': { failures: 9, threshold: 5, windowMinutes: 60, reasons: { 'wrong password': 9 } },
  'sign-in-lockout': { lockoutEvents: 1, windowMinutes: 60, reasons: { locked: 1 } },
  'off-hours-action': { events: 2, workingHours: '08:00-20:00', workingDays: 'Mon,Tue,Wed,Thu,Fri', actions: { 'suspend-card': 1, 'operator-change': 1 } },
  'reissue-of-new-card': {
    basis: 'issuance-event',
    memberId: '1000000001',
    reissueEventId: 12,
    reissuedAt: '2026-11-25T05:00:00.000Z',
    reissuedBy: 'agent@konaplate.test',
    issuedAt: '2026-11-23T05:00:00.000Z',
    firstSeenAt: null,
    ageDays: 2,
    periodDays: 7,
  },
  'unknown-outcomes': { unknown: 3, threshold: 3, windowMinutes: 60, operators: { 'agent@konaplate.test': 3 } },
  'upstream-error-rate': { calls: 40, errors: 12, ratePercent: 30, thresholdPercent: 20, minCalls: 20, windowMinutes: 15 },
  'audit-chain-broken': { kind: 'prev-hash-mismatch', expected: 'ab', stored: 'cd', previousId: 9, verifiedBefore: 1234, fromChainStart: true },
};

const finding = (rule: FindingRule, detail: object = DETAILS[rule]): FindingView => ({
  id: 1,
  rule,
  severity: 'medium',
  subjectKind: 'operator',
  subject: 'x',
  subjectLabel: null,
  windowStart: '2026-11-25T00:00:00.000Z',
  windowEnd: '2026-11-25T01:00:00.000Z',
  evidenceIds: [],
  evidenceCount: 0,
  detail: detail as Record<string, unknown>,
  status: 'open',
  firstDetectedAt: '2026-11-25T01:00:00.000Z',
  lastDetectedAt: '2026-11-25T01:00:00.000Z',
  statusChangedAt: null,
  statusChangedByEmail: null,
});

/** The sentence, as text; a missing message or argument fails the test instead of showing a key. */
function read(locale: 'en' | 'ko', view: FindingView): string {
  const onError = (error: Error) => {
    throw error;
  };
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: { en, ko }[locale],
      timeZone: 'Asia/Seoul',
      onError,
      children: createElement(FindingWhy, { finding: view }),
    } satisfies Provided),
  );
  return html
    .replace(/<style[^>]*>.*?<\/style>/gs, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('FindingWhy', () => {
  it('says every rule’s figures in both languages', () => {
    for (const rule of FINDING_RULES) {
      for (const locale of ['en', 'ko'] as const) expect(read(locale, finding(rule)), `${rule} ${locale}`).toMatch(/\S{3}/);
    }
  });

  it('puts the figures against the thresholds, breakdowns most frequent first', () => {
    expect(read('en', finding('card-testing'))).toBe('7 unregistered-card lookups refused within 60 minutes (the rule fires at 5). Result codes: 003_901 (5), 003_902 (2).');
    expect(read('en', finding('upstream-error-rate'))).toBe('12 of 40 calls failed (30%) within 15 minutes; the rule fires at 20% over at least 20 calls.');
    expect(read('ko', finding('upstream-error-rate'))).toBe('15분 안에 호출 40건 중 12건 실패(30%). 기준은 최소 20건 호출 중 20%입니다.');
    expect(read('en', finding('member-view-spike'))).toContain('4 × their usual busiest hour (6.5 members');
    expect(read('en', finding('member-view-spike', { ...DETAILS['member-view-spike'], baselineP95: null }))).toContain('the minimum, as this operator has no history yet');
  });

  it('names actions, weekdays, the chain’s break and a reissue’s basis in the reader’s words', () => {
    expect(read('en', finding('off-hours-action'))).toBe(
      '2 actions outside working hours (Mon, Tue, Wed, Thu, Fri, 08:00-20:00 Korea time): Operator change (1), Suspend card (1).',
    );
    expect(read('ko', finding('off-hours-action'))).toContain('업무 시간(월, 화, 수, 목, 금, 한국 시간 08:00-20:00)');
    expect(read('en', finding('audit-chain-broken'))).toBe('This event does not link to the event before it. 1,234 events verified before it, from the chain\'s start.');
    expect(read('en', finding('reissue-of-new-card'))).toContain('Reissued 2 days after it was issued (the rule looks back 7 days): reissued on 2026-11-25 14:00 by agent@konaplate.test');
    expect(read('ko', finding('reissue-of-new-card'))).toContain('감사 로그에 이 카드의 발급 기록이 있습니다');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberCard } from '@/lib/domain/cards';
import { KonaplateError } from '@/lib/konaplate';

// A fake platform holding one card, and an audit trail in memory: what the read path and
// the write path do with them is what is under test.
const platform = vi.hoisted(() => ({ bizStatus: '31', searches: 0, calls: 0, auditDown: false, audited: [] as { action: string; outcome: string }[] }));

vi.mock('@/lib/upstream/client', () => ({
  konaplate: () => ({
    searchCards: async () => {
      platform.searches++;
      return { data: [{ par: 'P'.repeat(27), cardBizStatus: platform.bizStatus } as MemberCard], correlationId: `c${platform.searches}`, durationMs: 1 };
    },
  }),
}));
vi.mock('@/lib/audit/record', async (importActual) => {
  const actual = await importActual<typeof import('@/lib/audit/record')>();
  return {
    AuditUnavailableError: actual.AuditUnavailableError,
    assertAuditWritable: async () => {
      if (platform.auditDown) throw new actual.AuditUnavailableError(new Error('connection refused'));
    },
    recordAudit: async (input: { action: string; outcome: string }) => {
      platform.audited.push({ action: input.action, outcome: input.outcome });
      return { id: platform.audited.length, hash: '' };
    },
  };
});
// Outside a request, the server's translations are the English messages.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { en } = await import('@/lib/i18n/messages/en');
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages: en, namespace: namespace as never }) };
});
vi.mock('@/lib/audit/card-state/record-observations', () => ({ recordCardObservations: async () => ({ changed: 0 }) }));

const { loadMemberCards } = await import('./member-cards');
const { runCardAction } = await import('./card-action');

const operator = { id: 'op', email: 'agent@konaplate.test', name: 'Agent', roles: ['agent' as const], sessionId: 's', locale: null };
const bizStatusOf = async (userId: string) => {
  const result = await loadMemberCards(operator, { userId });
  if (result.status !== 'ok') throw new Error('read failed');
  return result.cards[0]?.cardBizStatus;
};
const reissue = (userId: string, call: () => Promise<never> | Promise<{ data: object; correlationId: string; durationMs: number }>) =>
  runCardAction({ operator, action: 'reissue-prepaid', memberId: userId, request: {}, call, message: () => 'done' });

describe('the one read path of a member’s cards', () => {
  beforeEach(() => {
    platform.bizStatus = '31';
    platform.searches = 0;
    platform.calls = 0;
    platform.auditDown = false;
    platform.audited = [];
  });

  it('shares one upstream call among identical reads, and audits each read', async () => {
    await bizStatusOf('101');
    await bizStatusOf('101');
    expect(platform.searches).toBe(1);
    expect(platform.audited).toEqual([
      { action: 'search', outcome: 'ok' },
      { action: 'search', outcome: 'ok' },
    ]);
  });

  it('reads afresh right after a write to the member: a reissued card is seen as reissued at once', async () => {
    expect(await bizStatusOf('102')).toBe('31');
    const result = await reissue('102', async () => {
      platform.bizStatus = '3A';
      return { data: {}, correlationId: 'w', durationMs: 1 };
    });
    expect(result.status).toBe('ok');
    expect(await bizStatusOf('102')).toBe('3A');
    expect(platform.searches).toBe(2);
  });

  it('reads afresh after a write whose outcome is unknown, and audits it as unknown', async () => {
    await bizStatusOf('103');
    const lost = new KonaplateError({ kind: 'timeout', endpoint: '/api/v1/prepay-card/reissue/delivery', correlationId: 'w', mutating: true });
    const result = await reissue('103', async () => {
      platform.bizStatus = '3A';
      throw lost;
    });
    expect(result).toMatchObject({ status: 'upstream-error', outcomeUnknown: true, correlationId: 'w' });
    expect(platform.audited.at(-1)).toEqual({ action: 'reissue-prepaid', outcome: 'unknown' });
    expect(await bizStatusOf('103')).toBe('3A');
  });

  it('keeps other members’ shared reads', async () => {
    await bizStatusOf('104');
    await reissue('105', async () => ({ data: {}, correlationId: 'w', durationMs: 1 }));
    await bizStatusOf('104');
    expect(platform.searches).toBe(1);
  });

  it('sends nothing upstream, read or write, while the audit store does not answer', async () => {
    platform.auditDown = true;
    const read = await loadMemberCards(operator, { userId: '106' });
    expect(read).toMatchObject({ status: 'error', message: expect.stringContaining('nothing was sent') });
    const write = await reissue('106', async () => {
      platform.calls++;
      return { data: {}, correlationId: 'w', durationMs: 1 };
    });
    expect(write).toMatchObject({ status: 'unavailable' });
    expect(platform.searches + platform.calls).toBe(0);
  });
});

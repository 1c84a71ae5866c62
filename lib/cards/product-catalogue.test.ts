import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KonaplateError } from '@/lib/konaplate';

// A fake platform answering the product inquiry, and an audit trail in memory.
const platform = vi.hoisted(() => ({ calls: 0, failing: false, audited: [] as { action: string; outcome: string }[] }));
vi.mock('@/lib/upstream/client', () => ({
  konaplate: () => ({
    listCardProducts: async (ids: readonly string[]) => {
      platform.calls++;
      if (platform.failing) throw new KonaplateError({ kind: 'upstream', httpStatus: 503, code: '900_500', endpoint: '/api/v1/service/info/list', correlationId: 'c-fail', mutating: false });
      return { data: ids.filter((id) => id !== 'SVCDC0000000207').map((serviceId) => ({ serviceId, serviceName: `name of ${serviceId}` })), correlationId: 'c', durationMs: 1 };
    },
  }),
}));
vi.mock('@/lib/audit/record', async (importActual) => {
  const actual = await importActual<typeof import('@/lib/audit/record')>();
  return {
    AuditUnavailableError: actual.AuditUnavailableError,
    assertAuditWritable: async () => undefined,
    recordAudit: async (input: { action: string; outcome: string }) => {
      platform.audited.push({ action: input.action, outcome: input.outcome });
      return { id: platform.audited.length, hash: '' };
    },
  };
});
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const { en } = await import('@/lib/i18n/messages/en');
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages: en, namespace: namespace as never }) };
});

const { forgetCardProducts, loadCardProducts, PRODUCTS_TTL_MS } = await import('./product-catalogue');
const operator = { id: 'op', email: 'agent@konaplate.test', name: 'Agent', roles: ['agent' as const], sessionId: 's', locale: null };

describe('the card products of the pickers', () => {
  beforeEach(() => {
    forgetCardProducts();
    platform.calls = 0;
    platform.failing = false;
    platform.audited = [];
    vi.useRealTimers();
  });

  it('names the console’s products by type, from one audited call shared for five minutes', async () => {
    const first = await loadCardProducts(operator);
    expect(first.products.prepaid.map((p) => p.serviceId)).toEqual(['SVCPP0000000101', 'SVCPP0000000102', 'SVCPP0000000103', 'SVCPP0000000104']);
    expect(first.products.debit).toHaveLength(6);
    expect(first.products.debit[0]).toEqual({ serviceId: 'SVCDC0000000201', serviceName: 'name of SVCDC0000000201' });
    await loadCardProducts(operator);
    expect(platform.calls).toBe(1);
    expect(platform.audited).toEqual([{ action: 'list-products', outcome: 'ok' }]);

    vi.useFakeTimers({ now: Date.now() + PRODUCTS_TTL_MS + 1 });
    await loadCardProducts(operator);
    expect(platform.calls).toBe(2);
  });

  it('says why there are no names when the inquiry fails, and asks again next time', async () => {
    platform.failing = true;
    const failed = await loadCardProducts(operator);
    expect(failed.products).toEqual({ prepaid: [], debit: [] });
    expect(failed.failure).toMatchObject({ status: 'upstream-error', code: '900_500', correlationId: 'c-fail' });
    expect(platform.audited).toEqual([{ action: 'list-products', outcome: 'upstream_error' }]);
    platform.failing = false;
    expect((await loadCardProducts(operator)).products.prepaid).toHaveLength(4);
    expect(platform.calls).toBe(2);
  });
});

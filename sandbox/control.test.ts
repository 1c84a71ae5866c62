import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLoopback } from './http-io';
import { loadFixture } from './fixture';
import { listScenarios } from './scenarios';
import { startTestSandbox, type TestSandbox } from './test-helpers';

const CARD_LIST = '/api/v1/user/card/list';
const ISSUE = '/api/v1/prepay-card/issue/delivery';
const SEARCH = { userId: '9999999999999999999' };

let sandbox: TestSandbox;
const control = (path: string, init?: RequestInit) => fetch(`${sandbox.origin}/__sandbox${path}`, init);
const putFault = (target: string, fault: unknown) =>
  control(`/faults/${target}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
const calls = async () => ((await (await control('/calls')).json()) as { calls: Record<string, number> }).calls;

beforeAll(async () => {
  sandbox = await startTestSandbox({ controlEnabled: true });
});
afterAll(() => sandbox.stop());
beforeEach(async () => {
  await control('/reset', { method: 'POST' });
});

describe('fault injection', () => {
  it('latency delays a normal answer', async () => {
    await putFault('card-list', { kind: 'latency', ms: 150 });
    const started = Date.now();
    const { status } = await sandbox.call(CARD_LIST, SEARCH);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(status).toBe(200);
  });

  it.each([500, 502, 503])('http-5xx answers %i with the 900_500 envelope', async (code) => {
    await putFault('card-list', { kind: 'http-5xx', status: code });
    const { status, body, headers } = await sandbox.call(CARD_LIST, SEARCH, { headers: { 'X-KM-Correlation-Id': '240101120000-abcdef0' } });
    expect(status).toBe(code);
    expect(body).toEqual({ response: { code: '900_500', description: 'Platform error.' } });
    expect(headers.get('X-KM-Correlation-Id')).toBe('240101120000-abcdef0');
  });

  it('drop closes the connection without an answer, and still counts the call', async () => {
    await putFault('prepaid-issue', { kind: 'drop' });
    await expect(sandbox.call(ISSUE, {})).rejects.toThrow();
    expect((await calls())['prepaid-issue']).toBe(1);
    expect(sandbox.sandbox.log.last(1)[0]).toMatchObject({ endpoint: 'prepaid-issue', status: null, code: null });
  });

  it('malformed-json answers 200 with a truncated body', async () => {
    await putFault('card-list', { kind: 'malformed-json' });
    const response = await fetch(`${sandbox.origin}/open-api${CARD_LIST}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it("'*' applies to every endpoint; an endpoint's own fault wins", async () => {
    await putFault('*', { kind: 'http-5xx', status: 502 });
    await putFault('card-list', { kind: 'http-5xx', status: 503 });
    expect((await sandbox.call(ISSUE, {})).status).toBe(502);
    expect((await sandbox.call(CARD_LIST, SEARCH)).status).toBe(503);
  });

  it('lists, deletes one, and clears all faults', async () => {
    await putFault('card-list', { kind: 'drop' });
    await putFault('debit-issue', { kind: 'latency', ms: 10 });
    const listed = (await (await control('/faults')).json()) as { faults: Record<string, unknown> };
    expect(listed.faults).toEqual({ 'card-list': { kind: 'drop' }, 'debit-issue': { kind: 'latency', ms: 10 } });
    await control('/faults/card-list', { method: 'DELETE' });
    expect((await sandbox.call(CARD_LIST, SEARCH)).status).toBe(200);
    await control('/faults', { method: 'DELETE' });
    expect(((await (await control('/faults')).json()) as { faults: object }).faults).toEqual({});
  });

  it.each([
    [{ kind: 'http-5xx', status: 504 }],
    [{ kind: 'latency' }],
    [{ kind: 'latency', ms: -1 }],
    [{ kind: 'explode' }],
    ['not json'],
  ])('refuses a bad fault %j with 400', async (fault) => {
    const response =
      typeof fault === 'string'
        ? await control('/faults/card-list', { method: 'PUT', body: fault })
        : await putFault('card-list', fault);
    expect(response.status).toBe(400);
  });

  it('refuses an unknown fault target with 404', async () => {
    expect((await putFault('card-discard', { kind: 'drop' })).status).toBe(404);
  });
});

describe('control endpoint', () => {
  it('resets state, faults and the request log', async () => {
    const issued = await sandbox.call(ISSUE, { userInfo: SEARCH, serviceId: 'SVCPP0000000102', isDeliveryRequired: false });
    expect(issued.status).toBe(200);
    await putFault('card-list', { kind: 'drop' });
    const response = await control('/reset', { method: 'POST' });
    expect(response.status).toBe(200);
    const { body } = await sandbox.call(CARD_LIST, SEARCH);
    const pars = (body.cardDataInfo as { par: string }[]).map((card) => card.par);
    expect(pars).not.toContain(issued.body.mobileCardPar);
    expect(await calls()).toEqual({ 'card-list': 1 });
  });

  it('keeps the correlation id of every call received, across resets', async () => {
    const before = '240101120000-0000aa1';
    const after = '240101120001-0000aa2';
    await sandbox.call(CARD_LIST, SEARCH, { headers: { 'X-KM-Correlation-Id': before } });
    await control('/reset', { method: 'POST' });
    await sandbox.call(CARD_LIST, SEARCH, { headers: { 'X-KM-Correlation-Id': after } });
    const { correlationIds } = (await (await control('/correlation-ids')).json()) as { correlationIds: string[] };
    expect(correlationIds.slice(-2)).toEqual([before, after]);
  });

  it('lists the scenarios', async () => {
    const { scenarios } = (await (await control('/scenarios')).json()) as { scenarios: unknown[] };
    expect(scenarios).toEqual(JSON.parse(JSON.stringify(listScenarios(loadFixture()))));
  });

  it('lists the card products with their type', async () => {
    const { products } = (await (await control('/products')).json()) as {
      products: { serviceId: string; serviceName: string; type: string }[];
    };
    expect(products).toHaveLength(loadFixture().products.length);
    expect(new Set(products.map((p) => p.type))).toEqual(new Set(['prepaid', 'debit']));
    expect(products.every((p) => p.serviceId.length === 15 && p.serviceName)).toBe(true);
  });

  it('shows the last requests, oldest first, and counts calls per endpoint', async () => {
    await sandbox.call(CARD_LIST, SEARCH, { headers: { 'X-KM-Correlation-Id': '240101120000-0000001' } });
    await sandbox.call(CARD_LIST, { userId: '1234567890' });
    await sandbox.call(ISSUE, '{"bad json');
    const { requests } = (await (await control('/requests?limit=2')).json()) as { requests: Record<string, unknown>[] };
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ endpoint: 'card-list', rawBody: '{"userId":1234567890}', status: 400, code: '001_006' });
    expect(requests[1]).toMatchObject({ endpoint: 'prepaid-issue', path: `/open-api${ISSUE}`, rawBody: '{"bad json', code: '000_002' });
    const all = (await (await control('/requests')).json()) as { requests: Record<string, unknown>[] };
    expect(all.requests[0]).toMatchObject({ correlationId: '240101120000-0000001', status: 200, code: '000_000' });
    expect(all.requests[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await calls()).toEqual({ 'card-list': 2, 'prepaid-issue': 1 });
  });

  it('answers 404 for unknown control paths', async () => {
    expect((await control('/nothing')).status).toBe(404);
  });

  it('is absent (900_404) when not enabled', async () => {
    const off = await startTestSandbox();
    try {
      const response = await fetch(`${off.origin}/__sandbox/faults`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ response: { code: '900_404', description: 'Not found.' } });
      expect((await fetch(`${off.origin}/__sandbox/reset`, { method: 'POST' })).status).toBe(404);
    } finally {
      await off.stop();
    }
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

  it.skipIf(!external)('is absent (404) for a caller that is not on loopback', async () => {
    const open = await startTestSandbox({ controlEnabled: true, host: '0.0.0.0' });
    try {
      const port = new URL(open.origin).port;
      expect((await fetch(`http://${external}:${port}/__sandbox/faults`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/__sandbox/faults`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });

  it('recognises loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.10.0.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '::', '0.0.0.0', '128.0.0.1', undefined]) {
      expect(isLoopback(address)).toBe(false);
    }
  });
});

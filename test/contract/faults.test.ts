import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClient } from '@/lib/konaplate/client';
import { KonaplateError } from '@/lib/konaplate/errors';
import { transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/** Each injected fault kind, as the client reports it. */

const USER_ID = '9999999999999999999';
const ISSUE = {
  userId: USER_ID,
  serviceId: 'x'.repeat(15),
  isDeliveryRequired: true,
  address: { address: 'a', addressDetail: 'b', zipCode: '12345' },
};
let sandbox: SandboxProcess;
let client: KonaplateClient;

async function inject(endpoint: string, fault: Record<string, unknown>) {
  const response = await sandbox.control(`/faults/${endpoint}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

async function calls(endpoint: string): Promise<number> {
  const counts = (await (await sandbox.control('/calls')).json()) as Record<string, number> & {
    calls?: Record<string, number>;
  };
  return (counts.calls ?? counts)[endpoint] ?? 0;
}

async function rejection(promise: Promise<unknown>): Promise<KonaplateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KonaplateError);
  return error as KonaplateError;
}

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  client = createKonaplateClient(transportConfig(sandbox.baseUrl, { readTimeoutMs: 400, writeTimeoutMs: 400 }));
});
afterAll(() => sandbox?.stop());
beforeEach(() => sandbox.reset());

describe('fault injection', () => {
  it('latency below the time limit only slows the answer', async () => {
    await inject('card-list', { kind: 'latency', ms: 150 });
    const result = await client.searchCards({ userId: USER_ID });
    expect(result.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('latency beyond the time limit is a timeout', async () => {
    await inject('card-list', { kind: 'latency', ms: 1_000 });
    expect((await rejection(client.searchCards({ userId: USER_ID }))).kind).toBe('timeout');
  });

  it('a timed-out issuance is "outcome unknown" and is not retried', async () => {
    await inject('prepaid-issue', { kind: 'latency', ms: 1_000 });
    const error = await rejection(client.issuePrepaidCard(ISSUE));
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(await calls('prepaid-issue')).toBe(1);
  });

  it('HTTP 5xx is an upstream error with the platform code', async () => {
    await inject('card-list', { kind: 'http-5xx', status: 503 });
    expect(await rejection(client.searchCards({ userId: USER_ID }))).toMatchObject({
      kind: 'upstream',
      httpStatus: 503,
      code: '900_500',
    });
  });

  it('a dropped connection is a network error; a read is retried once', async () => {
    await inject('card-list', { kind: 'drop' });
    expect((await rejection(client.searchCards({ userId: USER_ID }))).kind).toBe('network');
    expect(await calls('card-list')).toBe(2);
  });

  it('a dropped issuance is never retried', async () => {
    await inject('prepaid-issue', { kind: 'drop' });
    const error = await rejection(client.issuePrepaidCard(ISSUE));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true });
    expect(await calls('prepaid-issue')).toBe(1);
  });

  it('malformed JSON is a malformed response, not a crash', async () => {
    await inject('card-list', { kind: 'malformed-json' });
    expect((await rejection(client.searchCards({ userId: USER_ID }))).kind).toBe('malformed-response');
  });

  it('clearing the faults restores normal answers', async () => {
    await inject('card-list', { kind: 'http-5xx', status: 500 });
    await sandbox.control('/faults', { method: 'DELETE' });
    await expect(client.searchCards({ userId: USER_ID })).resolves.toBeDefined();
  });
});

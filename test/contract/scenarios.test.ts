import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainCodec, type BodyCodec } from '@/lib/konaplate/codec';
import { KonaplateError } from '@/lib/konaplate/errors';
import { RESULT_CODES } from '@/lib/domain/result-codes';
import { konaplateCall, type CallSpec } from '@/lib/konaplate/transport';
import { NumberLiteral } from '@/lib/konaplate/wire-json';
import { loadFixture } from '@/sandbox/fixture';
import { DOCUMENTED_CODES, ENDPOINT_KEYS, type EndpointKey } from '@/sandbox/result-codes';
import { listScenarios, type Scenario } from '@/sandbox/scenarios';
import { generateCryptoSetup, transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/**
 * Every documented result code of the ten endpoints, reached by the console's client
 * (headers, token, codec, envelope) against the real sandbox process, plain and with JWE
 * bodies. The cases are the sandbox fixture's scenarios: a new scenario is a new case here.
 */

const ENDPOINTS: Record<EndpointKey, Pick<CallSpec<unknown>, 'path' | 'encrypted' | 'mutating'>> = {
  'card-list': { path: '/api/v1/user/card/list', encrypted: false, mutating: false },
  'unregistered-card': { path: '/api/v1/unregister/card/info', encrypted: true, mutating: false },
  'prepaid-issue': { path: '/api/v1/prepay-card/issue/delivery', encrypted: true, mutating: true },
  'prepaid-reissue': { path: '/api/v1/prepay-card/reissue/delivery', encrypted: true, mutating: true },
  'debit-issue': { path: '/api/v1/direct-card/issue/delivery', encrypted: true, mutating: true },
  'card-status': { path: '/api/v1/card/status', encrypted: false, mutating: true },
  'delivery-inquiry': { path: '/api/v1/card/delivery/inquiry', encrypted: false, mutating: false },
  'delivery-cancel': { path: '/api/v1/card/delivery/cancel', encrypted: false, mutating: true },
  'product-list': { path: '/api/v1/service/info/list', encrypted: false, mutating: false },
  'member-info': { path: '/api/v1/user/info', encrypted: true, mutating: false },
};

const scenarios = listScenarios(loadFixture());

/** Scenario requests carry userId as a digit string; the wire wants a number literal. */
function toWire(value: unknown, key?: string): unknown {
  if (key === 'userId' && typeof value === 'string' && /^-?(0|[1-9]\d*)$/.test(value)) return new NumberLiteral(value);
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  }
  return value;
}

const modes: Record<'plain' | 'encrypted', { sandbox?: SandboxProcess; codec?: BodyCodec }> = { plain: {}, encrypted: {} };

beforeAll(async () => {
  const crypto = await generateCryptoSetup();
  const [plain, encrypted] = await Promise.all([startSandboxProcess(), startSandboxProcess(crypto.sandboxEnv)]);
  modes.plain = { sandbox: plain, codec: plainCodec };
  modes.encrypted = { sandbox: encrypted, codec: crypto.codec };
});

afterAll(async () => {
  await Promise.all(Object.values(modes).map(({ sandbox }) => sandbox?.stop()));
});

async function resultCode(mode: keyof typeof modes, scenario: Scenario): Promise<string | undefined> {
  const { sandbox, codec } = modes[mode];
  await sandbox!.reset();
  try {
    await konaplateCall(transportConfig(sandbox!.baseUrl, { codec }), {
      ...ENDPOINTS[scenario.endpoint],
      body: toWire(scenario.request),
      data: z.unknown(),
    });
    return '000_000';
  } catch (error) {
    if (error instanceof KonaplateError && error.kind === 'rejected') return error.code;
    throw error;
  }
}

describe('scenario catalogue', () => {
  it.each(ENDPOINT_KEYS)('has a scenario for every documented code of %s', (endpoint) => {
    const covered = new Set(scenarios.filter((s) => s.endpoint === endpoint).map((s) => s.code));
    expect(DOCUMENTED_CODES[endpoint].filter((code) => !covered.has(code))).toEqual([]);
  });

  it('gives the operator an explanation for every code a scenario produces', () => {
    expect([...new Set(scenarios.map((s) => s.code))].filter((code) => !RESULT_CODES[code])).toEqual([]);
  });
});

for (const mode of ['plain', 'encrypted'] as const) {
  describe(`${mode} bodies`, () => {
    it.each(scenarios.map((s) => [`${s.endpoint} ${s.code} — ${s.description}`, s] as const))('%s', async (_name, scenario) => {
      expect(await resultCode(mode, scenario)).toBe(scenario.code);
    });
  });
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BodyCodec } from '@/lib/konaplate/codec';
import { KonaplateError } from '@/lib/konaplate/errors';
import { RESULT_CODES } from '@/lib/konaplate/result-codes';
import { konaplateCall, type CallSpec } from '@/lib/konaplate/transport';
import { NumberLiteral } from '@/lib/konaplate/wire-json';
import { z } from 'zod';
import { generateCryptoSetup, transportConfig } from './client-config';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

/**
 * Every documented result code of the five endpoints, reached by the real client
 * (headers, token, codec) against the real sandbox process, plain and encrypted.
 * The cases come from the sandbox's own scenario list, so a new one is covered here.
 */

interface Scenario {
  endpoint: string;
  code: string;
  description: string;
  request: Record<string, unknown>;
}

const ENDPOINTS: Record<string, { path: CallSpec<unknown>['path']; encrypted: boolean; mutating: boolean }> = {
  'card-list': { path: '/api/v1/user/card/list', encrypted: false, mutating: false },
  'unregistered-card': { path: '/api/v1/unregister/card/info', encrypted: true, mutating: false },
  'prepaid-issue': { path: '/api/v1/prepay-card/issue/delivery', encrypted: true, mutating: true },
  'prepaid-reissue': { path: '/api/v1/prepay-card/reissue/delivery', encrypted: true, mutating: true },
  'debit-issue': { path: '/api/v1/direct-card/issue/delivery', encrypted: true, mutating: true },
};

/** Scenario requests carry userId as a digit string; the wire wants a number literal. */
function toWire(value: unknown, key?: string): unknown {
  if (key === 'userId' && typeof value === 'string' && /^[1-9]\d*$/.test(value)) return new NumberLiteral(value);
  if (Array.isArray(value)) return value.map((v) => toWire(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v, k)]));
  }
  return value;
}

async function resultCode(codec: BodyCodec, baseUrl: string, scenario: Scenario): Promise<string | undefined> {
  const endpoint = ENDPOINTS[scenario.endpoint];
  if (!endpoint) throw new Error(`unknown endpoint in scenario: ${scenario.endpoint}`);
  try {
    await konaplateCall(transportConfig(baseUrl, { codec }), {
      ...endpoint,
      body: toWire(scenario.request),
      data: z.unknown(),
    });
    return '000_000';
  } catch (error) {
    if (error instanceof KonaplateError && error.kind === 'rejected') return error.code;
    throw error;
  }
}

const sandboxes: Record<'plain' | 'encrypted', { sandbox: SandboxProcess; codec: BodyCodec }> = {} as never;
let scenarios: Scenario[] = [];

beforeAll(async () => {
  const crypto = await generateCryptoSetup();
  const [plain, encrypted] = await Promise.all([startSandboxProcess(), startSandboxProcess(crypto.sandboxEnv)]);
  const { plainCodec } = await import('@/lib/konaplate/codec');
  sandboxes.plain = { sandbox: plain, codec: plainCodec };
  sandboxes.encrypted = { sandbox: encrypted, codec: crypto.codec };
  const response = await plain.control('/scenarios');
  scenarios = ((await response.json()) as { scenarios: Scenario[] }).scenarios;
});

afterAll(async () => {
  await Promise.all(Object.values(sandboxes).map(({ sandbox }) => sandbox?.stop()));
});

describe('documented result codes', () => {
  it('has a scenario for every documented code of every endpoint', () => {
    const documented: Record<string, string[]> = {
      'card-list': ['000_000', '000_002', '000_003', '001_006'],
      'unregistered-card': ['000_000', '000_002', '003_901', '003_902'],
      'prepaid-issue': ['000_000', '000_002', '001_006', '003_024'],
      'prepaid-reissue': ['000_000', '000_002', '001_006', '003_018', '003_019', '003_020', '003_044', '003_048', '003_051', '007_001'],
      'debit-issue': ['000_000', '000_002', '001_006', '003_060', '003_061', '003_062', '003_063', '003_064', '003_065'],
    };
    for (const [endpoint, codes] of Object.entries(documented)) {
      const covered = new Set(scenarios.filter((s) => s.endpoint === endpoint).map((s) => s.code));
      expect([...codes].filter((code) => !covered.has(code)), endpoint).toEqual([]);
    }
  });

  it('explains every code a scenario can produce', () => {
    const unexplained = [...new Set(scenarios.map((s) => s.code))].filter((code) => !RESULT_CODES[code]);
    expect(unexplained).toEqual([]);
  });

  for (const mode of ['plain', 'encrypted'] as const) {
    describe(mode, () => {
      beforeEach(async () => {
        await sandboxes[mode].sandbox.reset();
      });

      it('reaches each scenario code through the client', async () => {
        const { sandbox, codec } = sandboxes[mode];
        const mismatches: string[] = [];
        for (const scenario of scenarios) {
          await sandbox.reset();
          const code = await resultCode(codec, sandbox.baseUrl, scenario);
          if (code !== scenario.code) mismatches.push(`${scenario.endpoint} ${scenario.description}: expected ${scenario.code}, got ${code}`);
        }
        expect(mismatches).toEqual([]);
        expect(scenarios.length).toBeGreaterThanOrEqual(30);
      });
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSandboxKeys } from './crypto';
import { ENDPOINTS } from './endpoints';
import { loadFixture } from './fixture';
import { DOCUMENTED_CODES, ENDPOINT_KEYS, describeCode } from './result-codes';
import { listScenarios, type Scenario } from './scenarios';
import { cryptoOptions, startTestSandbox, type SandboxKeys, type TestSandbox } from './test-helpers';

const scenarios = listScenarios(loadFixture());
const pathOf = (scenario: Scenario) => ENDPOINTS.find((e) => e.key === scenario.endpoint)?.path ?? '';

describe('fixture scenarios', () => {
  for (const endpoint of ENDPOINT_KEYS) {
    it(`cover every documented code of ${endpoint}`, () => {
      const covered = new Set(scenarios.filter((s) => s.endpoint === endpoint).map((s) => s.code));
      expect(DOCUMENTED_CODES[endpoint].filter((code) => !covered.has(code))).toEqual([]);
    });
  }

  it('only use documented codes, each with a message', () => {
    for (const scenario of scenarios) {
      expect(DOCUMENTED_CODES[scenario.endpoint], `${scenario.endpoint} ${scenario.description}`).toContain(scenario.code);
      expect(describeCode(scenario.code)).toBeDefined();
    }
  });
});

describe.each(['plain', 'encrypted'] as const)('every scenario replayed against the server (%s)', (mode) => {
  let sandbox: TestSandbox;
  let keys: SandboxKeys | undefined;

  beforeAll(async () => {
    keys = mode === 'encrypted' ? await generateSandboxKeys() : undefined;
    sandbox = await startTestSandbox({ crypto: keys && cryptoOptions(keys) });
  });
  afterAll(() => sandbox.stop());

  it.each(scenarios.map((s) => [`${s.endpoint} ${s.code} ${s.description}`, s] as const))('%s', async (_name, scenario) => {
    sandbox.sandbox.reset();
    // Only the endpoints the reference marks encrypted take JWE bodies.
    const encrypt = ENDPOINTS.find((e) => e.key === scenario.endpoint)?.encryptable ? keys : undefined;
    const { status, body } = await sandbox.call(pathOf(scenario), scenario.request, { keys: encrypt });
    expect(body.response.code).toBe(scenario.code);
    expect(status).toBe(describeCode(scenario.code)?.status);
  });
});

import { pathToFileURL } from 'node:url';
import { API_PREFIX, ENDPOINTS } from './endpoints';
import { loadFixture, type Fixture } from './fixture';
import { parseJson } from './json-body';
import { ApiFailure, DOCUMENTED_CODES, PROTOCOL_CODES, RESULTS, type Result } from './result-codes';
import { listScenarios, scenarioWireBody, type Scenario } from './scenarios';
import { SandboxState } from './state';

/**
 * The README's scenario tables, generated from the fixture (`npx tsx sandbox/scenario-table.ts`).
 * A unit test checks that the README contains exactly this output.
 */

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
const code = (text: string) => `\`${cell(text)}\``;

/** The exact answer of a scenario, computed in-process on fresh state. */
function outcome(fixture: Fixture, state: SandboxState, scenario: Scenario): Result {
  const endpoint = ENDPOINTS.find((e) => e.key === scenario.endpoint);
  if (!endpoint) throw new Error(`unknown endpoint ${scenario.endpoint}`);
  state.reset();
  try {
    endpoint.handle(parseJson(scenarioWireBody(scenario.request)), { state, now: state.now() });
    return RESULTS.success;
  } catch (error) {
    if (error instanceof ApiFailure) return error.result;
    throw error;
  }
}

export function renderScenarioTable(fixture: Fixture): string {
  const state = new SandboxState(fixture);
  const members = new Map(fixture.members.map((m) => [m.userId, m]));
  const products = new Map(fixture.products.map((p) => [p.serviceId, p]));
  const scenarios = listScenarios(fixture);
  const lines: string[] = [];

  for (const endpoint of ENDPOINTS) {
    lines.push(`### \`${endpoint.key}\`: POST ${API_PREFIX}${endpoint.path}`, '');
    lines.push(`Documented codes: ${DOCUMENTED_CODES[endpoint.key].join(', ')}.`, '');
    lines.push('| Code | HTTP | Message | Scenario | Member | Card (par) | Product | Request |');
    lines.push('|---|---|---|---|---|---|---|---|');
    const own = scenarios
      .filter((s) => s.endpoint === endpoint.key)
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const scenario of own) {
      const result = outcome(fixture, state, scenario);
      const member = scenario.userId === undefined ? undefined : members.get(scenario.userId);
      const product = scenario.serviceId === undefined ? undefined : products.get(scenario.serviceId);
      lines.push(
        `| ${[
          scenario.code,
          String(result.status),
          cell(result.description),
          cell(scenario.description),
          scenario.userId === undefined ? '' : `${member ? `${member.name} ` : '(not a member) '}${code(scenario.userId)}`,
          scenario.par === undefined ? '' : code(scenario.par),
          scenario.serviceId === undefined ? '' : `${product ? `${cell(product.name)} ` : '(unknown) '}${code(scenario.serviceId)}`,
          code(scenarioWireBody(scenario.request)),
        ].join(' | ')} |`,
      );
    }
    lines.push('');
  }

  lines.push('### Every endpoint: protocol and platform codes', '');
  lines.push('| Code | HTTP | Message |', '|---|---|---|');
  for (const result of PROTOCOL_CODES) {
    // Fault injection picks the status of a platform error.
    const status = result.code === '900_500' ? '500, 502, 503' : String(result.status);
    lines.push(`| ${result.code} | ${status} | ${cell(result.description)} |`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(renderScenarioTable(loadFixture(process.argv[2])));
}

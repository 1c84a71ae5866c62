import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixture';
import { renderScenarioTable } from './scenario-table';

describe('README', () => {
  it('contains the scenario table generated from the fixture (npx tsx sandbox/scenario-table.ts)', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const generated = /<!-- scenario-table:start -->\n([\s\S]*)<!-- scenario-table:end -->/.exec(readme)?.[1];
    expect(generated).toBe(renderScenarioTable(loadFixture()));
  });
});

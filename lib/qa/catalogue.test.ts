import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/qa.json';
import { loadFixture } from '@/sandbox/fixture';
import { listScenarios } from '@/sandbox/scenarios';
import { buildCatalogue, uncoveredCodes } from './catalogue';

const rows = buildCatalogue(listScenarios(loadFixture()));

describe('QA scenario catalogue', () => {
  it('has a scenario for every documented code of every endpoint', () => {
    expect(uncoveredCodes(rows)).toEqual([]);
  });

  it('fails when a documented code loses its scenario', () => {
    expect(uncoveredCodes(rows.filter((row) => row.code !== '003_024'))).toEqual([{ endpoint: 'prepaid-issue', code: '003_024' }]);
  });

  it('links each member-bound scenario to the console page ready for the action', () => {
    const issue = rows.find((row) => row.endpoint === 'prepaid-issue' && row.code === '003_024')!;
    expect(issue.href).toBe('/members/9999999999999999999/issue?tab=prepaid&serviceId=SVCPP0000000101&delivery=mobile-only');
    const reissue = rows.find((row) => row.endpoint === 'prepaid-reissue' && row.code === '000_000')!;
    expect(reissue.href).toMatch(/^\/members\/9999999999999999999\/cards\/[A-Z0-9]{27}\/reissue/);
  });

  it('never puts an unregistered card’s details in a link', () => {
    for (const row of rows.filter((r) => r.endpoint === 'unregistered-card')) expect(row.href).toBeUndefined();
  });

  it('says what to do with a message and its values, and notes when the console may refuse the input itself', () => {
    const mobileOnly = rows.find((row) => row.endpoint === 'prepaid-issue' && row.code === '003_024')!;
    expect(mobileOnly.instruction).toEqual({ key: 'prepaidIssue', values: { delivery: 'mobile-only' }, inputNote: false });
    const badZip = rows.find((row) => row.endpoint === 'prepaid-issue' && row.code === '000_002')!;
    expect(badZip.instruction.inputNote).toBe(true);
  });

  it('has every sandbox scenario’s description in the messages, as the sandbox writes it in English', () => {
    const scenarios: Record<string, string> = en.scenarios;
    expect(rows.filter((row) => scenarios[row.descriptionKey] !== row.description).map((row) => row.description)).toEqual([]);
  });
});

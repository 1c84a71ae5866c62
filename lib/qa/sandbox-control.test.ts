import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_FAULTS_TTL_MS, activeSandboxFaults, forgetActiveSandboxFaults } from './sandbox-control';

describe('the banner’s read of the sandbox’s faults', () => {
  afterEach(() => {
    forgetActiveSandboxFaults();
    vi.unstubAllGlobals();
  });

  function sandboxAnswering(...answers: (Record<string, unknown> | Error)[]) {
    const fetch = vi.fn(async (url: string) => {
      expect(url).toMatch(/\/__sandbox\/faults$/);
      const answer = answers[Math.min(fetch.mock.calls.length - 1, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return new Response(JSON.stringify({ faults: answer }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it('is shared by every page within a second, then read again', async () => {
    const fetch = sandboxAnswering({}, { 'card-list': { kind: 'drop' } });
    expect(await Promise.all([activeSandboxFaults(0), activeSandboxFaults(10), activeSandboxFaults(ACTIVE_FAULTS_TTL_MS - 1)])).toEqual([{}, {}, {}]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await activeSandboxFaults(ACTIVE_FAULTS_TTL_MS)).toEqual({ 'card-list': { kind: 'drop' } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is read afresh once this console has switched a fault', async () => {
    const fetch = sandboxAnswering({}, { '*': { kind: 'http-5xx', status: 503 } });
    expect(await activeSandboxFaults(0)).toEqual({});
    forgetActiveSandboxFaults();
    expect(await activeSandboxFaults(1)).toEqual({ '*': { kind: 'http-5xx', status: 503 } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('says none when the sandbox does not answer', async () => {
    sandboxAnswering(new TypeError('fetch failed'));
    expect(await activeSandboxFaults(0)).toEqual({});
  });
});

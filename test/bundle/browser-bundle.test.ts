import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Runs after `next build`: nothing of the Konaplate client or its secrets may be
 * shipped to the browser.
 */
const staticDir = path.resolve('.next/static');

function readAll(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return readAll(full);
    return /\.(js|css|json|html|txt)$/.test(entry) ? [{ file: full, text: readFileSync(full, 'utf8') }] : [];
  });
}

describe('browser bundle', () => {
  it('exists (run `npm run build` first)', () => {
    expect(existsSync(staticDir)).toBe(true);
  });

  const files = existsSync(staticDir) ? readAll(staticDir) : [];
  const forbidden = {
    'the sandbox access key': 'sandbox-access-key-0123456789abcdef01234',
    'the sandbox secret key': 'sandbox-secret-key',
    'the transaction token signer': 'KMV1:',
    'the Konaplate client': 'konaplateCall',
    'the transport headers': 'X-KM-Access-Key',
    'the result-code explanations': 'No wallet member has this id',
    'the auth secret': 'sandbox-only-auth-secret',
    'the MFA encryption key': 'c2FuZGJveC1vbmx5LW1mYS1rZXktMDEyMzQ1Njc4OSE=',
    'a demo operator’s TOTP secret': '7E5DGQAMHAHXOFORUKI2JPDS7JT4DMXM',
    'the TOTP verifier': 'matchTotpStep',
  };

  it.each(Object.entries(forbidden))('does not contain %s', (_what, needle) => {
    expect(files.length).toBeGreaterThan(0);
    const leaks = files.filter(({ text }) => text.includes(needle)).map(({ file }) => path.relative('.', file));
    expect(leaks).toEqual([]);
  });
});

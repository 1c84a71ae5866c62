import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The house's boundaries are lint rules: these cases prove each one fails the lint. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['components/members/x.tsx', "import { x } from '@/lib/konaplate';"],
    ['components/members/x.tsx', "import { x } from '@/lib/db';"],
    ['components/members/x.tsx', "import { x } from '@/lib/cards/member-cards';"],
    ['components/members/x.tsx', "import x from 'server-only';"],
    ['lib/konaplate/x.ts', "import { x } from '@/lib/auth/access';"],
    ['lib/konaplate/x.ts', "import { x } from '@/lib/audit/record';"],
    ['lib/konaplate/x.ts', "import { x } from '@/lib/db';"],
    ['lib/domain/x.ts', "import { x } from '@/lib/env';"],
    ['lib/cards/x.ts', "import { x } from '@/sandbox/state';"],
    ['app/x.ts', "import { x } from '../sandbox/state';"],
  ])('%s may not %s', async (filePath, source) => {
    expect(await restricted(filePath, source)).toHaveLength(1);
  });

  it.each([
    ['components/members/x.tsx', "import { x } from '@/lib/domain/cards';"],
    ['components/members/x.tsx', "import { x } from '@/lib/schemas/fields';"],
    ['components/qa/x.tsx', "import { x } from '@/lib/qa/faults';"],
    ['lib/konaplate/x.ts', "import { x } from '@/lib/format/card-number';"],
    ['lib/upstream/x.ts', "import { x } from '@/lib/audit/record';"],
  ])('%s may %s', async (filePath, source) => {
    expect(await restricted(filePath, source)).toEqual([]);
  });
});

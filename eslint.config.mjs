import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The house's boundaries, held by lint. Browser-safe modules live in lib/domain, lib/schemas
 * and lib/format (plus the QA catalogue and fault shapes, and the list of languages);
 * everything else under lib/ is server code.
 */
const NOT_BROWSER_SAFE = '^@/lib/(?!(domain|schemas|format)/|i18n/(locales$|messages/))';
const SANDBOX = {
  group: ['@/sandbox', '@/sandbox/**', '**/sandbox/*', '**/sandbox'],
  message: 'The sandbox is a separate program: the console never imports it.',
};
const SERVER_RUNTIME = {
  group: ['server-only', 'node:*', 'next/headers', 'next/server'],
  message: 'Browser-safe code cannot use server-only modules.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * Every word the console writes comes from the messages (lib/i18n/messages), in Korean and
 * English: no literal text between JSX tags, nor in the attributes that carry text.
 */
const TEXT_FROM_MESSAGES = {
  'react/jsx-no-literals': [
    'error',
    { noStrings: false, ignoreProps: true, allowedStrings: ['·', '—', '–', '/', ':', '(', ')', '→', '…', '|', ',', '.', '₩', '%', '×', '+', '-', '#'] },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: 'JSXAttribute[name.name=/^(label|aria-label|title|placeholder|helperText|hint|alt)$/] > Literal[value=/[A-Za-z]/]',
      message: 'Text in a component comes from the messages (lib/i18n/messages), in both languages.',
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'e2e/report/**', 'test-results/**', 'next-env.d.ts', 'lib/db/migrations/**'] },
  // Tests may read the sandbox's fixture to check the console against it.
  { files: ['app/**', 'lib/**', 'scripts/**'], ignores: ['**/*.test.ts'], rules: restrict(SANDBOX) },
  {
    files: ['components/**'],
    rules: restrict(SANDBOX, SERVER_RUNTIME, {
      regex: '^@/lib/(?!(domain|schemas|format)/|qa/(catalogue|faults)$|i18n/(locales$|messages/))|^@/app/',
      message: 'Components import only browser-safe modules: lib/domain, lib/schemas, lib/format (and the QA catalogue and fault shapes, the list of languages).',
    }),
  },
  {
    files: ['lib/domain/**', 'lib/schemas/**', 'lib/format/**', 'lib/qa/catalogue.ts', 'lib/qa/faults.ts', 'lib/i18n/locales.ts'],
    rules: restrict(SANDBOX, SERVER_RUNTIME, {
      regex: NOT_BROWSER_SAFE,
      message: 'Browser-safe modules import only other browser-safe modules.',
    }),
  },
  { files: ['app/**/*.tsx', 'components/**/*.tsx'], rules: TEXT_FROM_MESSAGES },
  {
    files: ['lib/konaplate/**'],
    rules: restrict(SANDBOX, {
      regex: NOT_BROWSER_SAFE,
      message: 'lib/konaplate is the wire client: it knows nothing of auth, audit, the database or the configuration (lib/upstream assembles it).',
    }),
  },
];

export default config;

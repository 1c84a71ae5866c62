import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// `server-only` throws outside Next's server bundles; tests import server modules directly.
const alias = {
  '@/': root,
  'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
};

export default defineConfig({
  test: {
    // Tests assert on what the code does, not on its log lines.
    env: { LOG_LEVEL: 'silent' },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'sandbox/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'test/lint/**/*.test.ts'],
          environment: 'node',
          // Database suites run migrations on PGlite; on a loaded 2-core CI machine 5 s is not enough.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bundle',
          include: ['test/bundle/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});

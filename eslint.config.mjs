import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'e2e/report/**', 'test-results/**', 'next-env.d.ts', 'lib/db/migrations/**'] },
];

export default config;

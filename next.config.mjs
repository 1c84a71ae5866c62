// JavaScript, not TypeScript: Next would otherwise load its compiler into the running console
// (about 40 MB resident) only to read this file.
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './lib/http/static-security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  // The fixed ones, on every response; the CSP (per-request nonce) and HSTS come from proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

// next-intl without locale routing: the language comes from lib/i18n/request.ts. The catalogues are
// compiled at build time, so neither the server nor the browser parses ICU messages at run time
// (and the browser goes without the parser: about 12 kB gzipped on every page).
export default createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: ['en', 'ko'], precompile: true } },
})(nextConfig);

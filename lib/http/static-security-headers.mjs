/**
 * The security headers sent on every response, pages, API and static files alike
 * (next.config.mjs). Plain JavaScript: Next loads its configuration with Node, and a
 * configuration in TypeScript would keep its compiler resident in the running console.
 * lib/http/security-headers.ts has the rest (the per-request CSP and HSTS).
 */
export const STATIC_SECURITY_HEADERS = Object.freeze([
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // frame-ancestors 'none' says the same to browsers that read CSP.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Not no-referrer: a form posted before hydration would then send `Origin: null`, which
  // Next's server actions refuse.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
]);

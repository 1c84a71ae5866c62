/**
 * The console's security headers, in one place: the fixed ones (next.config.ts sends them
 * on every response) and the per-request Content-Security-Policy the proxy builds around a
 * fresh nonce. No imports: next.config.ts loads this file outside Next's bundles.
 */

/** Sent on every response, pages, API and static files alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // frame-ancestors 'none' says the same to browsers that read CSP.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Not no-referrer: a form posted before hydration would then send `Origin: null`, which
  // Next's server actions refuse.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
] as const;

/** Only when the console's public URL is https: over http it would lock browsers out. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export interface ContentSecurityPolicyOptions {
  nonce: string;
  /** `next dev`: React's dev tools need eval, and dev-only styles carry no nonce. */
  development: boolean;
  /** The public URL is https: ask browsers to upgrade any http subresource. */
  https: boolean;
}

/**
 * Next.js reads the nonce from this header on the request and puts it on its own scripts;
 * the root layout gives it to emotion (MUI's styles) and the colour-scheme script.
 * 'strict-dynamic' lets those scripts load the page's chunks. No 'unsafe-eval' and no inline
 * script outside `next dev`.
 *
 * form-action 'self' is enough with OIDC: the sign-in button posts to next-auth with
 * fetch() and then navigates to the IdP, and navigations are not form submissions.
 */
export function contentSecurityPolicy({ nonce, development, https }: ContentSecurityPolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // MUI writes style attributes into server HTML (Paper's CSS variables, the button's loading
    // wrapper). An attribute can neither run script nor select elements, and img-src bars
    // fetching off-site; <style> elements still need the nonce.
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ...(https ? [['upgrade-insecure-requests'] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

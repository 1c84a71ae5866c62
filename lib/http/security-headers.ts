/**
 * The console's security headers, in one place: the fixed ones (next.config.mjs sends them on
 * every response; kept in plain JavaScript for it) and the per-request Content-Security-Policy
 * the proxy builds around a fresh nonce.
 */
export { STATIC_SECURITY_HEADERS } from './static-security-headers.mjs';

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

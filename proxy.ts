import { NextResponse, type NextRequest } from 'next/server';
import { sessionTokenOf } from '@/lib/auth/session-token';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/http/security-headers';

// Pages an anonymous visitor may see.
const SIGN_IN = /^\/sign-in(\/|$)/;

/** Anonymous on a page that needs an operator: only a genuine session cookie counts here. */
async function mustSignIn(request: NextRequest): Promise<boolean> {
  if (SIGN_IN.test(request.nextUrl.pathname)) return false;
  return !(await sessionTokenOf(request))?.sid;
}

function redirectToSignIn(request: NextRequest): NextResponse {
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', safeRedirectPath(request.nextUrl.pathname + request.nextUrl.search));
  return NextResponse.redirect(signIn);
}

/** What a server action accepts (Next's own default); a larger body is refused here, with words. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

function tooLargeForAnAction(request: NextRequest): boolean {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false;
  return Number(request.headers.get('content-length') ?? 0) > SERVER_ACTION_BODY_LIMIT;
}

function renderWithNonce(request: NextRequest, nonce: string, policy: string): NextResponse {
  // Next.js reads the nonce from the request's CSP for its own scripts; the root layout reads x-nonce.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  return NextResponse.next({ request: { headers } });
}

/**
 * Every page gets its own CSP nonce. Anonymous visitors of any page but sign-in are sent
 * there with a return URL; roles are checked by each page and action, not here.
 */
export async function proxy(request: NextRequest) {
  const { NODE_ENV, publicUrlIsHttps } = env();
  if (tooLargeForAnAction(request)) {
    // No operator form comes near this: a hand-made request. Logged (the audit store is not reachable from here).
    logger().warn({ path: request.nextUrl.pathname, bytes: Number(request.headers.get('content-length')) }, 'oversized server-action body refused');
    return new NextResponse('This request is larger than the console accepts (1 MB), so nothing was done.', {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, development: NODE_ENV === 'development', https: publicUrlIsHttps });
  const response = (await mustSignIn(request))
    ? redirectToSignIn(request)
    : renderWithNonce(request, nonce, policy);
  response.headers.set('Content-Security-Policy', policy);
  if (publicUrlIsHttps) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Every page (sign-in too, for its CSP); not NextAuth's own routes, health, or static files.
  matcher: ['/((?!api/auth|api/health|_next/|favicon.ico|card-products/).*)'],
};

import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

/**
 * Sends anonymous visitors to the sign-in page with a return URL. It only checks that a
 * session cookie exists and is genuine; roles are checked by each page and action.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token?.sid) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but sign-in, NextAuth's own routes, health, and static files.
  matcher: ['/((?!sign-in|api/auth|api/health|_next/|favicon.ico|card-products/).*)'],
};

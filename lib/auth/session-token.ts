import 'server-only';
import { decode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { cookies, headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The session cookie's token (next-auth's encrypted JWT, which names the server-side session),
 * read the way next-auth reads it (its chunks joined), decrypted once per cookie value.
 *
 * Every page, route and action of a signed-in operator reads it, and the proxy before them:
 * next-auth derives the key (HKDF) and decrypts on every read, and its getServerSession also
 * mints a CSRF token and re-encrypts the cookie each time. The session table decides whether
 * a session is still good (lib/auth/sessions.ts), so the cookie's token only has to be genuine
 * and unexpired: a value once decrypted with this process's secret is remembered until its
 * `exp` (with next-auth's 15 s of clock tolerance), in a bounded map.
 */
const CLOCK_TOLERANCE_MS = 15_000;
const CACHE_LIMIT = 10_000;
interface Decoded {
  payload: JWT;
  /** What it was decrypted with: the same value under another key is another question. */
  secret: JWTDecodeParams['secret'];
  salt: JWTDecodeParams['salt'];
}
// On globalThis: the proxy, pages, routes and actions load separate module instances.
const store = globalThis as typeof globalThis & { __konaplateDecodedTokens?: Map<string, Decoded> };
const decoded = (store.__konaplateDecodedTokens ??= new Map());

function expired(token: JWT, now: number): boolean {
  return typeof token.exp === 'number' && token.exp * 1000 + CLOCK_TOLERANCE_MS <= now;
}

/** next-auth's decode, remembered per cookie value. Exported for its test. */
export async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const known = decoded.get(token);
  if (known && known.secret === secret && known.salt === salt && !expired(known.payload, Date.now())) return known.payload;
  const payload = await decode(params);
  if (payload) {
    if (decoded.size >= CACHE_LIMIT) decoded.clear();
    decoded.set(token, { payload, secret, salt });
  }
  return payload;
}

/** next-auth's cookie (with `.0`, `.1`… after it when the token outgrew one cookie). */
export function sessionCookieName(): string {
  return `${env().publicUrlIsHttps ? '__Secure-' : ''}next-auth.session-token`;
}

type TokenRequest = Parameters<typeof getToken>[0]['req'];

/** The token of a request (the proxy's), or null: no cookie, not genuine, or expired. */
export function sessionTokenOf(req: TokenRequest): Promise<JWT | null> {
  const { NEXTAUTH_SECRET, publicUrlIsHttps } = env();
  return getToken({ req, secret: NEXTAUTH_SECRET, secureCookie: publicUrlIsHttps, cookieName: sessionCookieName(), decode: decodeOnce });
}

/** The token of the request being rendered or handled (pages, route handlers, server actions). */
export async function currentSessionToken(): Promise<JWT | null> {
  return sessionTokenOf({ cookies: await cookies(), headers: await headers() } as never);
}

/** The server-side session the request's cookie names, if it names one. */
export async function currentSessionId(): Promise<string | undefined> {
  const sid = (await currentSessionToken())?.sid;
  return typeof sid === 'string' ? sid : undefined;
}

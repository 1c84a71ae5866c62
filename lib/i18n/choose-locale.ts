import 'server-only';
import { cookies } from 'next/headers';
import { getSessionState } from '@/lib/auth/access';
import { updateOperator } from '@/lib/auth/operators';
import { env } from '@/lib/env';
import { LOCALE_COOKIE, type Locale } from './locales';

const ONE_YEAR_S = 365 * 86_400;

/**
 * The language switch: kept in the browser (a cookie, so it holds before sign-in and after
 * sign-out) and, for a signed-in operator, in their profile (so it follows them to another desk).
 */
export async function chooseLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_S,
    sameSite: 'lax',
    httpOnly: true,
    secure: env().publicUrlIsHttps,
  });
  const state = await getSessionState();
  if (state.kind !== 'anonymous') await updateOperator(state.operator.id, { locale });
}

import 'server-only';
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getSessionState } from '@/lib/auth/access';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './locales';
import { MESSAGES } from './messages';

/**
 * The request's language: the signed-in operator's saved choice, else the browser's (the switch
 * sets a cookie, before sign-in too), else its Accept-Language. Korea's time zone throughout.
 */
export async function requestLocale(): Promise<Locale> {
  const state = await getSessionState();
  if (state.kind !== 'anonymous' && state.operator.locale) return state.operator.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: 'Asia/Seoul' };
});

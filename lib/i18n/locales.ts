/**
 * The console's languages: Korean for the agents who use it all day, English beside it.
 * Browser-safe: the language switch and the formatters use it too.
 */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Anyone whose browser asks for neither language reads English. */
export const FALLBACK_LOCALE: Locale = 'en';

/** Remembers the choice of the language switch in the browser, before sign-in too. */
export const LOCALE_COOKIE = 'konaplate-locale';

/** What each language calls itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { ko: '한국어', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The browser's `Accept-Language`, in its order of preference (q-values), matched on the
 * primary language: `ko-KR` → ko, `en-GB` → en; the first one the console has wins.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ language, q }) => language !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map(({ language }) => language).find(isLocale) ?? FALLBACK_LOCALE;
}

import 'server-only';
import type { ReactNode } from 'react';
import { getLocale } from 'next-intl/server';
import { MuiThemeProvider } from '@/components/theme/mui-theme-provider';
import { FALLBACK_LOCALE, isLocale } from '@/lib/i18n/locales';

/**
 * Around the content of a page that renders MUI components (scripts/theme-css.test.ts lists them:
 * the pages whose modules import @mui). The frame and the pages without MUI send none of MUI's
 * components or theme to the browser.
 */
export async function MuiTheme({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return <MuiThemeProvider locale={isLocale(locale) ? locale : FALLBACK_LOCALE}>{children}</MuiThemeProvider>;
}

import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import InitColorSchemeScript from '@mui/material/InitColorSchemeScript';
import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';
import { getLocale, getTranslations } from 'next-intl/server';
import { ConsoleThemeProvider } from '@/components/theme';
import { RootClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return {
    title: { default: t('productName'), template: `%s · ${t('productName')}` },
    description: t('productDescription'),
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request CSP nonce: emotion's <style> tags and the colour-scheme script need it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await getLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <body>
        <InitColorSchemeScript attribute="class" nonce={nonce} />
        <AppRouterCacheProvider options={{ enableCssLayer: true, nonce }}>
          {/* The locale, and the messages the layouts' client components use; each page adds its own. */}
          <RootClientMessages>
            <ConsoleThemeProvider locale={locale}>
              <CssBaseline enableColorScheme />
              {children}
            </ConsoleThemeProvider>
          </RootClientMessages>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}

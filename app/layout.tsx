import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmotionCache } from '@/components/theme/emotion-cache';
import { RootClientMessages } from '@/lib/i18n/client-messages';
import '@/components/theme/theme.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return {
    title: { default: t('productName'), template: `%s · ${t('productName')}` },
    description: t('productDescription'),
    robots: { index: false, follow: false },
  };
}

/**
 * The theme is a static stylesheet (theme.css); a page with MUI components wraps them in
 * MuiTheme, so the frame and the pages without MUI carry no component library.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request CSP nonce: emotion's <style> tags need it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* The locale, and the messages the layouts' client components use; each page adds its own. */}
        <EmotionCache nonce={nonce}>
          <RootClientMessages>{children}</RootClientMessages>
        </EmotionCache>
      </body>
    </html>
  );
}

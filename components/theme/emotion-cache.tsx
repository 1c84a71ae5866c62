import type { ReactNode } from 'react';
import { AppRouterCacheProvider } from '@mui/material-nextjs/v16-appRouter';

/**
 * Emotion's one cache for the browser's whole visit (MUI's styles, written into the server's HTML
 * with the CSP nonce). It lives in the root layout: a cache per page would lose the styles of
 * the next page on a client-side navigation. Pages without MUI insert nothing into it.
 */
export function EmotionCache({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return <AppRouterCacheProvider options={{ enableCssLayer: true, nonce }}>{children}</AppRouterCacheProvider>;
}

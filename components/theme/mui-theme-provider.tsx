'use client';
import type { ReactNode } from 'react';
import { ThemeProvider } from '@mui/material/styles';
import type { Locale } from '@/lib/i18n/locales';
import { consoleThemes } from './options';

/**
 * The console's theme for the MUI components it wraps. Its variables are already on the page
 * (theme.css), so the provider does not write them again.
 */
export function MuiThemeProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ThemeProvider theme={consoleThemes[locale]} disableStyleSheetGeneration>
      {children}
    </ThemeProvider>
  );
}

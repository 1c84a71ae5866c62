'use client';
import type { ReactNode } from 'react';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import { enUS, koKR } from '@mui/material/locale';
import type { Locale } from '@/lib/i18n/locales';

/** The console's one theme: light and dark schemes as CSS variables, system fonts only. */
const base = {
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1f4e79' },
        secondary: { main: '#6b4fbb' },
        // Dark text on amber: white on MUI's orange fails WCAG contrast (axe, e2e).
        warning: { main: '#ed6c02', contrastText: 'rgba(0, 0, 0, 0.87)' },
        background: { default: '#f5f7fa' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#8cb8e6' },
        secondary: { main: '#b9a4ff' },
      },
    },
  },
  typography: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Apple SD Gothic Neo", "Helvetica Neue", Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
  components: {
    // Korean wraps between words (eojeol), not inside them; a very long token may still break.
    MuiCssBaseline: { styleOverrides: { ':lang(ko)': { wordBreak: 'keep-all', overflowWrap: 'anywhere' } } },
    MuiButtonBase: { defaultProps: { disableRipple: false } },
  },
} as const;

// MUI's own words (pagination, "Close", …) in the operator's language.
const themes = { en: createTheme(base, enUS), ko: createTheme(base, koKR) } as const;

export function ConsoleThemeProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <ThemeProvider theme={themes[locale]} defaultMode="system">
      {children}
    </ThemeProvider>
  );
}

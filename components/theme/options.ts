import { createTheme } from '@mui/material/styles';
import { enUS, koKR } from '@mui/material/locale';
// theme.vars and the CSS-variable props of ThemeProvider, typed.
import type {} from '@mui/material/themeCssVarsAugmentation';

/**
 * The console's one theme: light and dark schemes as CSS variables (the dark one by the system's
 * preference), system fonts only. Its variables and base styles are a static stylesheet
 * (theme.css, `npm run theme:css`); the MUI components of a page read the same theme through
 * MuiTheme.
 */
export const themeOptions = {
  cssVariables: { colorSchemeSelector: 'media' },
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
} as const;

// MUI's own words (pagination, "Close", …) in the operator's language.
export const consoleThemes = { en: createTheme(themeOptions, enUS), ko: createTheme(themeOptions, koKR) } as const;

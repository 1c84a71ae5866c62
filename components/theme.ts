'use client';
import { createTheme } from '@mui/material/styles';

/** The console's one theme: light and dark schemes as CSS variables, system fonts only. */
export const theme = createTheme({
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
    MuiButtonBase: { defaultProps: { disableRipple: false } },
  },
});

'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@/lib/i18n/locales';

/**
 * On the app bar: its text colour for the label, value, arrow and outline in every state (MUI's
 * hover and focus colours, dark text and the primary colour, would vanish on the dark bar).
 */
const ON_APP_BAR = {
  minWidth: 112,
  '& .MuiInputBase-root, & .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused, & .MuiInputLabel-root.Mui-disabled, & .MuiSvgIcon-root': {
    color: 'inherit',
  },
  '& .MuiSelect-select.Mui-disabled': { WebkitTextFillColor: 'currentColor' },
  '& .MuiOutlinedInput-notchedOutline, & .MuiOutlinedInput-root:hover .MuiOutlinedInput-notchedOutline, & .MuiOutlinedInput-root.Mui-focused .MuiOutlinedInput-notchedOutline, & .MuiOutlinedInput-root.Mui-disabled .MuiOutlinedInput-notchedOutline':
    { borderColor: 'currentColor' },
  // While the page is rendered again in the new language.
  '&:has(.Mui-disabled)': { opacity: 0.7 },
} as const;

/** 한국어 / English: saved by the server, then the page is rendered again in that language. */
export function LanguageSwitch({ choose, color = 'inherit' }: { choose: (locale: Locale) => Promise<{ ok: boolean }>; color?: 'inherit' | 'default' }) {
  const t = useTranslations('shell.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Said once the page is in the new language (a screen reader hears nothing of the re-render).
  const [changed, setChanged] = useState(false);
  return (
    <>
      <TextField
        select
        size="small"
        label={t('label')}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          startTransition(async () => {
            if (!(await choose(next)).ok) return;
            router.refresh();
            setChanged(true);
          });
        }}
        slotProps={{ htmlInput: { 'data-testid': 'language-switch' } }}
        sx={color === 'inherit' ? ON_APP_BAR : { minWidth: 112 }}
      >
        {LOCALES.map((option) => (
          <MenuItem key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </MenuItem>
        ))}
      </TextField>
      <span role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {changed ? t('saved') : ''}
      </span>
    </>
  );
}

'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@/lib/i18n/locales';

/** 한국어 / English: saved by the server, then the page is rendered again in that language. */
export function LanguageSwitch({ choose, color = 'inherit' }: { choose: (locale: Locale) => Promise<{ ok: boolean }>; color?: 'inherit' | 'default' }) {
  const t = useTranslations('shell.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <TextField
      select
      size="small"
      label={t('label')}
      value={locale}
      disabled={pending}
      onChange={(event) => {
        const next = event.target.value;
        if (isLocale(next)) startTransition(async () => void ((await choose(next)).ok && router.refresh()));
      }}
      slotProps={{ htmlInput: { 'data-testid': 'language-switch' } }}
      sx={color === 'inherit' ? { minWidth: 112, '& .MuiInputBase-root, & .MuiInputLabel-root, & .MuiSvgIcon-root': { color: 'inherit' }, '& fieldset': { borderColor: 'currentColor' } } : { minWidth: 112 }}
    >
      {LOCALES.map((option) => (
        <MenuItem key={option} value={option} lang={option}>
          {LOCALE_NAMES[option]}
        </MenuItem>
      ))}
    </TextField>
  );
}

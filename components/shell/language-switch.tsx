'use client';
import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@/lib/i18n/locales';
import { Icon } from '@/components/primitives/icons';
import primitives from '@/components/primitives/primitives.module.css';
import styles from './language-switch.module.css';

/**
 * 한국어 / English: saved by the server, then the page is rendered again in that language. The
 * browser's own select: on the app bar in the bar's colours, elsewhere as an outlined field.
 */
export function LanguageSwitch({ choose, color = 'inherit' }: { choose: (locale: Locale) => Promise<{ ok: boolean }>; color?: 'inherit' | 'default' }) {
  const t = useTranslations('shell.language');
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  // Said once the page is in the new language (a screen reader hears nothing of the re-render).
  const [changed, setChanged] = useState(false);
  return (
    <div className={`${styles.switch} ${color === 'inherit' ? styles.onAppBar : ''}`}>
      <label htmlFor={id} className={styles.label}>
        {t('label')}
      </label>
      <select
        id={id}
        className={styles.select}
        value={locale}
        disabled={pending}
        data-testid="language-switch"
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          startTransition(async () => {
            if (!(await choose(next)).ok) return;
            router.refresh();
            setChanged(true);
          });
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      <span className={styles.arrow} aria-hidden>
        <Icon name="arrowDropDown" />
      </span>
      <span role="status" className={primitives.visuallyHidden}>
        {changed ? t('saved') : ''}
      </span>
    </div>
  );
}

'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { SignOut } from '@/lib/domain/session';
import { Icon } from '@/components/primitives/icons';
import primitives from '@/components/primitives/primitives.module.css';
import styles from './console-shell.module.css';

/**
 * The app bar's account menu (WAI-ARIA menu button): the operator's address, their account,
 * sign out here or everywhere. Opened by click, Enter, Space or the arrows; the arrows, Home and
 * End move between items; Escape closes it and gives the focus back to the button; a click
 * elsewhere or Tab closes it.
 */
export function AccountMenu({ email, signOut }: { email: string; signOut: SignOut }) {
  const t = useTranslations('shell.accountMenu');
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const closeOutside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all[(move + all.length) % all.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  }

  const goTo = async (scope: 'operator' | 'everywhere') => window.location.assign((await signOut(scope)).url);

  return (
    <div className={styles.accountMenu}>
      <button
        ref={button}
        type="button"
        className={styles.accountButton}
        aria-label={t('label')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="accountCircle" />
      </button>
      {open && (
        <ul ref={menu} id={id} role="menu" aria-label={t('label')} className={primitives.menu} onKeyDown={onMenuKeyDown}>
          <li role="none">
            <span role="menuitem" aria-disabled="true" className={primitives.menuItem}>
              {email}
            </span>
          </li>
          <li role="separator" className={primitives.menuDivider} />
          <li role="none">
            <Link role="menuitem" tabIndex={-1} href="/account" className={primitives.menuItem} onClick={() => close(false)}>
              {t('account')}
            </Link>
          </li>
          <li role="none">
            <button role="menuitem" tabIndex={-1} type="button" className={primitives.menuItem} onClick={() => goTo('operator')}>
              {t('signOut')}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" tabIndex={-1} type="button" className={primitives.menuItem} onClick={() => goTo('everywhere')}>
              {t('signOutEverywhere')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

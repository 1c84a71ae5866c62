'use client';
import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { can, type Role } from '@/lib/domain/permissions';
import type { SignOut } from '@/lib/domain/session';
import type { Locale } from '@/lib/i18n/locales';
import { Icon } from '@/components/primitives/icons';
import primitives from '@/components/primitives/primitives.module.css';
import { AccountMenu } from './account-menu';
import { CommandPalette, type FindCardByPar } from './command-palette';
import { IdleTimeout } from './idle-timeout';
import { useKeyboardShortcuts } from './keyboard-shortcuts';
import { LanguageSwitch } from './language-switch';
import { visibleNavItems } from './navigation';
import { PendingApprovalsBadge } from './pending-approvals';
import { RolesProvider } from './permissions-context';
import styles from './console-shell.module.css';

interface Props {
  operator: { name: string; email: string; roles: Role[] };
  upstreamIsSandbox: boolean;
  /** Ends the session (or all of the operator's); answers where the browser goes next. */
  signOut: SignOut;
  /** The language switch's server action. */
  chooseLocale: (locale: Locale) => Promise<{ ok: boolean }>;
  /** "Stay signed in" of the idle-timeout dialog. */
  staySignedIn: () => Promise<{ signedIn: boolean }>;
  /** The command palette's card by PAR (cards.view); without it the palette offers members and pages. */
  findCardByPar?: FindCardByPar;
  /** Shown under the app bar on every page (e.g. sandbox faults are on). */
  banner?: ReactNode;
  children: ReactNode;
}

export function ConsoleShell({ operator, upstreamIsSandbox, signOut, chooseLocale, staySignedIn, findCardByPar, banner, children }: Props) {
  const t = useTranslations('shell');
  const tPalette = useTranslations('palette');
  const pathname = usePathname();
  const [palette, setPalette] = useState(false);
  const openPalette = useCallback(() => setPalette(true), []);
  const memberSearch = can(operator.roles, 'cards.view');
  useKeyboardShortcuts({ openPalette, memberSearch });
  const items = visibleNavItems(operator.roles, upstreamIsSandbox);
  // The longest matching item is the active one (so /qa/inspector does not also light /qa).
  const active = items
    .filter(({ href }) => (href === '/' ? pathname === '/' || pathname.startsWith('/members') : pathname.startsWith(href)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isActive = (href: string) => href === active;

  return (
    <div className={styles.shell}>
      {/* Plain elements with static styles: the frame of every page costs no styles computed per request. */}
      <header className={styles.appBar}>
        <div className={styles.productName}>{t('productName')}</div>
        <button type="button" className={styles.paletteButton} onClick={openPalette} aria-keyshortcuts="Control+K Meta+K">
          <Icon name="search" />
          {tPalette('open')}
        </button>
        {upstreamIsSandbox && <span className={`${primitives.chip} ${primitives.chipWarning}`}>{t('sandboxUpstream')}</span>}
        <LanguageSwitch choose={chooseLocale} />
        <div className={styles.operator}>
          <div className={styles.operatorText}>
            <div className={styles.operatorName} data-testid="operator-name">
              {operator.name}
            </div>
            <div className={styles.operatorRoles} data-testid="operator-roles">
              {operator.roles.map((role) => t(`roles.${role}`)).join(' · ')}
            </div>
          </div>
          <AccountMenu email={operator.email} signOut={signOut} />
        </div>
      </header>
      <nav aria-label={t('nav.label')} className={styles.drawer}>
        <ul className={styles.navList}>
          {items.map(({ href, label, icon }) => (
            <li key={href}>
              <Link href={href} className={styles.navItem} aria-current={isActive(href) ? 'page' : undefined}>
                <span className={styles.navIcon}>
                  {href === '/approvals' ? (
                    <PendingApprovalsBadge>
                      <Icon name={icon} />
                    </PendingApprovalsBadge>
                  ) : (
                    <Icon name={icon} />
                  )}
                </span>
                {t(`nav.${label}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className={styles.main}>
        {banner}
        <RolesProvider roles={operator.roles}>{children}</RolesProvider>
      </main>
      <IdleTimeout staySignedIn={staySignedIn} signOut={signOut} />
      <CommandPalette
        open={palette}
        onClose={() => setPalette(false)}
        pages={[...items.map(({ href, label }) => ({ href, label: t(`nav.${label}`) })), { href: '/account', label: t('accountMenu.account') }]}
        findCardByPar={memberSearch ? findCardByPar : undefined}
      />
    </div>
  );
}

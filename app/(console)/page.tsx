import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { MemberSearchForm } from '@/components/members/member-search-form';
import styles from '@/components/members/search-page.module.css';
import primitives from '@/components/primitives/primitives.module.css';
import { recentMemberSearches } from '@/lib/audit/recent-searches';
import { requirePagePermission } from '@/lib/auth/access';
import { localeFormat } from '@/lib/format/locale-format';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { findCardByNumberAction } from './members/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('members.search'))('title') };
}

export default async function HomePage() {
  const operator = await requirePagePermission('cards.view', '/');
  const recent = await recentMemberSearches(operator.id);
  const t = await getTranslations('members.search');
  const format = localeFormat(await getLocale());
  return (
    <ClientMessages page="(console)">
      <div className={styles.page}>
        <h1 className={primitives.h5}>{t('heading')}</h1>
        <div className={`${primitives.panel} ${styles.section}`}>
          <MemberSearchForm findByCardNumber={findCardByNumberAction} />
        </div>
        <section className={`${primitives.panel} ${styles.section}`} aria-labelledby="recent-searches">
          <h2 id="recent-searches" className={primitives.h6}>
            {t('recent')}
          </h2>
          {recent.length === 0 ? (
            <p className={`${primitives.muted} ${styles.none}`}>{t('recentNone')}</p>
          ) : (
            <ul className={styles.recent}>
              {recent.map(({ memberId, at }) => (
                <li key={memberId}>
                  <Link href={`/members/${memberId}`}>{t('recentMember', { memberId })}</Link>
                  <span className={primitives.muted}>{format.dateTime(at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}

import type { ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MemberCard, MemberCardsResult } from '@/lib/domain/cards';
import { cardProductType } from '@/lib/domain/card-status';
import { cardVerdict } from '@/lib/domain/card-verdict';
import { koreaToday } from '@/lib/format/expiry';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { CardImage } from './card-image';
import styles from './card-list.module.css';
import { CardStatusChips } from './card-status-chips';
import { CardVerdictLine } from './card-verdict';
import { CardsError } from './cards-error';
import { useExpiry } from './use-expiry';

// No 'use client': the member page renders this on the server (no per-request styles, nothing to
// hydrate but `refresh`); the client's MemberCards renders it after an outcome-unknown write.

/** A member's cards, one row each; a card's name opens its detail. `refresh` says when they were read and reads them again. */
export function MemberCardsView({ userId, par, result, refresh }: { userId: string; par?: string; result: MemberCardsResult; refresh: ReactNode }) {
  const t = useTranslations('members.cards');
  return (
    <div className={styles.list}>
      <div className={styles.header}>
        <h2 className={styles.heading}>
          {result.status === 'ok' ? t('count', { count: result.cards.length }) : t('heading')}
          {par && (
            <span className={styles.filter}>
              {t('parFilter', { par })}
              <Link href={`/members/${userId}`} aria-label={t('clearParFilter')} title={t('clearParFilter')}>
                ×
              </Link>
            </span>
          )}
        </h2>
        {refresh}
      </div>
      {result.status === 'error' ? (
        <CardsError userId={userId} result={result} />
      ) : result.cards.length === 0 ? (
        <div className={styles.empty} data-testid="no-cards">
          {par ? t('noneWithPar') : t('none')}
        </div>
      ) : (
        <CardsTable userId={userId} cards={result.cards} />
      )}
    </div>
  );
}

function CardsTable({ userId, cards }: { userId: string; cards: MemberCard[] }) {
  const t = useTranslations('members.cards');
  const tCards = useTranslations('cards');
  const format = useLocaleFormat();
  const expiryOf = useExpiry();
  const today = koreaToday();
  return (
    <div className={styles.tableContainer}>
      <table className={styles.table} aria-label={t('table', { userId })}>
        <thead>
          <tr>
            <th scope="col">{t('column.card')}</th>
            <th scope="col">{t('column.numbers')}</th>
            <th scope="col" className={styles.number}>
              {t('column.balance')}
            </th>
            <th scope="col" className={styles.number}>
              {t('column.pending')}
            </th>
            <th scope="col">{t('column.expiry')}</th>
            <th scope="col">{t('column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => {
            const expiry = expiryOf(card.expiryDate);
            return (
              <tr key={card.par} data-testid="card-row">
                <td>
                  <div className={styles.product}>
                    <CardImage src={card.serviceImageUrl} alt="" />
                    <div>
                      <Link href={`/members/${userId}/cards/${card.par}`} className={styles.cardLink}>
                        {card.serviceName}
                      </Link>
                      <div className={`${styles.secondary} ${styles.nowrap}`}>
                        {tCards('kind', { type: cardProductType(card), named: card.isNamed ? 'named' : 'unnamed' })}
                      </div>
                    </div>
                  </div>
                </td>
                <td className={styles.numbers}>
                  {card.mobileCardNoMasked && <NumberLine kind={t('mobile')} masked={card.mobileCardNoMasked} />}
                  {card.physicalCardNoMasked && <NumberLine kind={t('physical')} masked={card.physicalCardNoMasked} />}
                </td>
                <td className={styles.number}>{format.krw(card.balance)}</td>
                <td className={styles.number}>{card.pendingAmount > 0 ? format.krw(card.pendingAmount) : '—'}</td>
                {/* The date on one line; how far it is may wrap, to leave room for the status chips. */}
                <td>
                  <div className={styles.nowrap}>{expiry.date}</div>
                  <div className={expiry.expired ? styles.error : expiry.daysLeft <= 30 ? styles.warning : styles.secondary}>{expiry.relative}</div>
                </td>
                <td className={styles.statusCell}>
                  <CardVerdictLine verdict={cardVerdict(card, { today })} />
                  <CardStatusChips card={card} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function NumberLine({ kind, masked }: { kind: string; masked: string }) {
  return (
    <div>
      <span className={styles.numberKind}>{kind}</span>
      {masked}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { cardProductType, rechargeableExplained } from '@/lib/domain/card-status';
import { cardVerdict, type VerdictContext } from '@/lib/domain/card-verdict';
import { koreaToday } from '@/lib/format/expiry';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { CardImage } from './card-image';
import styles from './card-detail.module.css';
import listStyles from './card-list.module.css';
import { CardStatusChips } from './card-status-chips';
import { CardVerdictLine } from './card-verdict';
import { CardsError } from './cards-error';
import { useExpiry } from './use-expiry';

// No 'use client': rendered on the server (as the card list is); `refresh` is its one island.

type Fact = [label: string, value: ReactNode];

/** A half-width panel of labelled facts about the card; `none` says why when there are none. */
function FactsSection({ title, facts, none }: { title: string; facts: Fact[] | undefined; none?: string }) {
  return (
    <section className={styles.section} aria-label={title}>
      <h2 className={styles.sectionTitle}>{title}</h2>
      {facts?.length ? (
        <table className={styles.facts}>
          <tbody>
            {facts.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={styles.none}>{none}</p>
      )}
    </section>
  );
}

/** Yes or no as a chip; a dash when Konaplate did not say. */
function YesNo({ value }: { value: boolean | undefined }) {
  const t = useTranslations('cards');
  if (value === undefined) return '—';
  return <span className={`${listStyles.chip} ${value ? listStyles.normal : styles.outlinedDefault}`}>{value ? t('yes') : t('no')}</span>;
}

/** Everything Konaplate says about one card, grouped; `refresh` says when it was read and reads it again. */
export function CardDetail({
  userId,
  par,
  result,
  refresh,
  verdictContext = {},
}: {
  userId: string;
  par: string;
  result: MemberCardsResult;
  refresh: ReactNode;
  /** What the verdict knows besides the card's states: its delivery, and the console's own history. */
  verdictContext?: Omit<VerdictContext, 'today'>;
}) {
  const t = useTranslations('cards');
  const format = useLocaleFormat();
  const expiryOf = useExpiry();
  if (result.status === 'error') {
    return (
      <div className={styles.detail}>
        {refresh}
        <CardsError userId={userId} result={result} />
      </div>
    );
  }
  const card = result.cards.find((c) => c.par === par);
  if (!card) {
    return (
      <div className={styles.detail}>
        {refresh}
        <div className={styles.empty} data-testid="no-cards">
          {t('detail.noCardWithPar', { par })}
        </div>
      </div>
    );
  }
  const expiry = expiryOf(card.expiryDate);
  const room = rechargeableExplained(card);
  const debit = cardProductType(card) === 'debit';
  const { krw } = format;

  return (
    <div className={styles.detail} data-testid="card-detail">
      <div className={styles.top}>
        <div className={styles.identity}>
          <CardImage src={card.serviceImageUrl} alt={t('imageAlt', { name: card.serviceName })} width={120} />
          <div>
            <h1 className={styles.name}>{card.serviceName}</h1>
            <p className={styles.subtitle}>{t('detail.subtitle', { type: cardProductType(card), named: card.isNamed ? 'named' : 'unnamed', userId })}</p>
            <CardVerdictLine verdict={cardVerdict(card, { today: koreaToday(), ...verdictContext })} />
            <CardStatusChips card={card} />
          </div>
        </div>
        {refresh}
      </div>

      <div className={styles.sections}>
        <FactsSection
          title={t('detail.balances.title')}
          facts={[
            [t('detail.balances.balance'), krw(card.balance)],
            [t('detail.balances.pending'), krw(card.pendingAmount)],
            [
              t('detail.balances.rechargeable'),
              <span key="r">
                {krw(card.rechargeableAmount)}
                <span className={styles.secondary}>
                  {t('detail.balances.rechargeableHow', { basis: room.basis, maximum: krw(room.maximum), balance: krw(card.balance) })}
                </span>
              </span>,
            ],
            [t('detail.balances.maximums'), `${krw(card.maxRealNameRechargeAmount)} / ${krw(card.maxNonRealNameRechargeAmount)}`],
            [t('detail.balances.minimumTopUp'), krw(card.minRechargeAmount)],
            [t('detail.balances.topUpUnit'), card.rechargeUnitAmt !== undefined ? krw(card.rechargeUnitAmt) : '—'],
            [
              t('detail.balances.virtualAccountPending'),
              card.enableVirtualAccountPendingAmount
                ? t('detail.balances.virtualAccountPendingUpTo', { amount: krw(card.virtualAccountMaxPendingAmount) })
                : t('detail.balances.notEnabled'),
            ],
          ]}
        />
        <FactsSection
          title={t('detail.card.title')}
          facts={[
            [t('detail.card.par'), <code key="par">{card.par}</code>],
            [t('detail.card.productId'), <code key="sid">{card.serviceId}</code>],
            [t('detail.card.applicationNumber'), card.cardApplyNo ? <code key="app">{card.cardApplyNo}</code> : '—'],
            [t('detail.card.mobileCard'), card.mobileCardNoMasked ?? '—'],
            [t('detail.card.physicalCard'), card.physicalCardNoMasked ?? '—'],
            [t('detail.card.expiry'), t('detail.card.expiryValue', { date: expiry.date, relative: expiry.relative })],
          ]}
        />
        <FactsSection
          title={t('detail.abilities.title')}
          facts={[
            [t('detail.abilities.rechargeable'), <YesNo key="r" value={card.rechargeable} />],
            [t('detail.abilities.personalRechargeable'), <YesNo key="p" value={card.personalRechargeable} />],
            [t('detail.abilities.refundable'), <YesNo key="f" value={card.refundable} />],
            [t('detail.abilities.remittable'), <YesNo key="m" value={card.remittable} />],
            [t('detail.abilities.named'), <YesNo key="n" value={card.isNamed} />],
            [t('detail.abilities.autoReload'), card.autoReloadStatus ? t(`detail.abilities.autoReloadStatus.${card.autoReloadStatus}`) : '—'],
            [
              t('detail.abilities.transferInProgress'),
              card.accTransferStatus === '1' ? (
                <span key="t" className={`${listStyles.chip} ${listStyles.suspended}`}>
                  {t('detail.abilities.transferYes')}
                </span>
              ) : (
                <YesNo key="t" value={false} />
              ),
            ],
          ]}
        />
        <FactsSection
          title={t('detail.points.title')}
          facts={card.cardPointInfo?.map((point) => [
            point.pointName,
            t(point.autoUse ? 'detail.points.valueAutoUse' : 'detail.points.value', { count: point.remainingPoint, policyId: point.pointPolicyId }),
          ])}
          none={t('detail.points.none')}
        />
        {debit && (
          <>
            <FactsSection
              title={t('detail.limits.title')}
              facts={
                card.limits && [
                  [t('detail.limits.perDay'), krw(card.limits.day)],
                  [t('detail.limits.perPayment'), krw(card.limits.once)],
                  [t('detail.limits.perMonth'), krw(card.limits.month)],
                ]
              }
              none={t('detail.limits.none')}
            />
            <FactsSection
              title={t('detail.bank.title')}
              facts={
                card.bankInfo && [
                  [t('detail.bank.bank'), card.bankInfo.bankName],
                  [t('detail.bank.account'), card.bankInfo.accountNoMasked],
                  [t('detail.bank.cashIc'), <YesNo key="ic" value={card.bankInfo.enableFIC} />],
                ]
              }
              none={t('detail.bank.none')}
            />
          </>
        )}
      </div>
    </div>
  );
}

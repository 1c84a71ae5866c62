'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { cardProductType, rechargeableExplained } from '@/lib/domain/card-status';
import { cardVerdict, type VerdictContext } from '@/lib/domain/card-verdict';
import { koreaToday } from '@/lib/format/expiry';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useMemberCards } from '@/components/members/use-member-cards';
import { CardImage } from './card-image';
import { CardStatusChips } from './card-status-chips';
import { CardVerdictLine } from './card-verdict';
import { CardsError } from './cards-error';
import { FetchedAt } from './fetched-at';
import { useExpiry } from './use-expiry';

type Fact = [label: string, value: ReactNode];

/** A half-width panel of labelled facts about the card; `none` says why when there are none. */
function FactsSection({ title, facts, none }: { title: string; facts: Fact[] | undefined; none?: string }) {
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <Paper variant="outlined" sx={{ p: 2, height: '100%' }} component="section" aria-label={title}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {title}
        </Typography>
        {facts?.length ? (
          <Table size="small">
            <TableBody>
              {facts.map(([label, value]) => (
                <TableRow key={label} sx={{ '& td': { borderBottom: 0, px: 0, py: 0.5 } }}>
                  <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '45%', border: 0, px: 0, py: 0.5 }}>
                    {label}
                  </TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary">{none}</Typography>
        )}
      </Paper>
    </Grid>
  );
}

/** Yes or no as a chip; a dash when Konaplate did not say. */
function YesNo({ value }: { value: boolean | undefined }) {
  const t = useTranslations('cards');
  if (value === undefined) return '—';
  return <Chip size="small" variant="outlined" color={value ? 'success' : 'default'} label={value ? t('yes') : t('no')} />;
}

/** Everything Konaplate says about one card, grouped; refreshed on focus and on demand. */
export function CardDetail({
  userId,
  par,
  initial,
  verdictContext = {},
}: {
  userId: string;
  par: string;
  initial: MemberCardsResult;
  /** What the verdict knows besides the card's states: its delivery, and the console's own history. */
  verdictContext?: Omit<VerdictContext, 'today'>;
}) {
  const t = useTranslations('cards');
  const format = useLocaleFormat();
  const expiryOf = useExpiry();
  const { data = initial, isValidating, mutate } = useMemberCards({ userId, par }, initial);
  const refresh = <FetchedAt at={data.status === 'ok' ? data.fetchedAt : undefined} refreshing={isValidating} onRefresh={() => mutate()} />;
  if (data.status === 'error') {
    return (
      <Stack spacing={2}>
        {refresh}
        <CardsError userId={userId} result={data} />
      </Stack>
    );
  }
  const card = data.cards.find((c) => c.par === par);
  if (!card) {
    return (
      <Stack spacing={2}>
        {refresh}
        <Paper variant="outlined" sx={{ p: 4 }} data-testid="no-cards">
          {t('detail.noCardWithPar', { par })}
        </Paper>
      </Stack>
    );
  }
  const expiry = expiryOf(card.expiryDate);
  const room = rechargeableExplained(card);
  const debit = cardProductType(card) === 'debit';
  const { krw } = format;

  return (
    <Stack spacing={2} data-testid="card-detail">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <CardImage src={card.serviceImageUrl} alt={t('imageAlt', { name: card.serviceName })} width={120} />
          <div>
            <Typography variant="h5" component="h1">
              {card.serviceName}
            </Typography>
            <Typography color="text.secondary">
              {t('detail.subtitle', { type: cardProductType(card), named: card.isNamed ? 'named' : 'unnamed', userId })}
            </Typography>
            <div style={{ marginTop: 8 }}>
              <CardVerdictLine verdict={cardVerdict(card, { today: koreaToday(), ...verdictContext })} />
            </div>
            <CardStatusChips card={card} />
          </div>
        </Stack>
        {refresh}
      </Stack>

      <Grid container spacing={2}>
        <FactsSection
          title={t('detail.balances.title')}
          facts={[
            [t('detail.balances.balance'), krw(card.balance)],
            [t('detail.balances.pending'), krw(card.pendingAmount)],
            [
              t('detail.balances.rechargeable'),
              <span key="r">
                {krw(card.rechargeableAmount)}
                <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                  {t('detail.balances.rechargeableHow', { basis: room.basis, maximum: krw(room.maximum), balance: krw(card.balance) })}
                </Typography>
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
                <Chip key="t" size="small" color="warning" label={t('detail.abilities.transferYes')} />
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
      </Grid>
    </Stack>
  );
}

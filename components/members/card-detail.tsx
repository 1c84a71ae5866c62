'use client';
import type { ReactNode } from 'react';
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
import { describeExpiry } from '@/lib/format/expiry';
import { formatCount, formatKrw } from '@/lib/format/money';
import { useMemberCards } from '@/components/members/use-member-cards';
import { CardImage } from './card-image';
import { CardStatusChips } from './card-status-chips';
import { CardsError } from './cards-error';
import { FetchedAt } from './fetched-at';

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

const yesNo = (value: boolean | undefined) =>
  value === undefined ? '—' : <Chip size="small" variant="outlined" color={value ? 'success' : 'default'} label={value ? 'Yes' : 'No'} />;

/** Everything Konaplate says about one card, grouped; refreshed on focus and on demand. */
export function CardDetail({ userId, par, initial }: { userId: string; par: string; initial: MemberCardsResult }) {
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
          This member has no card with PAR {par}.
        </Paper>
      </Stack>
    );
  }
  const expiry = describeExpiry(card.expiryDate);
  const room = rechargeableExplained(card);
  const debit = cardProductType(card) === 'debit';

  return (
    <Stack spacing={2} data-testid="card-detail">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <CardImage src={card.serviceImageUrl} alt={`${card.serviceName} card`} width={120} />
          <div>
            <Typography variant="h5" component="h1">
              {card.serviceName}
            </Typography>
            <Typography color="text.secondary">
              {debit ? 'Debit' : 'Prepaid'} card · {card.isNamed ? 'named' : 'unnamed'} · member {userId}
            </Typography>
            <CardStatusChips card={card} sx={{ mt: 1 }} />
          </div>
        </Stack>
        {refresh}
      </Stack>

      <Grid container spacing={2}>
        <FactsSection
          title="Balances"
          facts={[
            ['Balance', formatKrw(card.balance)],
            ['Pending (over the limit)', formatKrw(card.pendingAmount)],
            [
              'Rechargeable',
              <span key="r">
                {formatKrw(card.rechargeableAmount)}
                <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                  {room.basis} maximum {formatKrw(room.maximum)} − balance {formatKrw(card.balance)}
                </Typography>
              </span>,
            ],
            ['Named / unnamed maximum', `${formatKrw(card.maxRealNameRechargeAmount)} / ${formatKrw(card.maxNonRealNameRechargeAmount)}`],
            ['Minimum top-up', formatKrw(card.minRechargeAmount)],
            ['Top-up unit', card.rechargeUnitAmt !== undefined ? formatKrw(card.rechargeUnitAmt) : '—'],
            [
              'Virtual-account pending',
              card.enableVirtualAccountPendingAmount ? `up to ${formatKrw(card.virtualAccountMaxPendingAmount)} (balance + pending)` : 'not enabled',
            ],
          ]}
        />
        <FactsSection
          title="Card"
          facts={[
            ['PAR', <code key="par">{card.par}</code>],
            ['Product id', <code key="sid">{card.serviceId}</code>],
            ['Application number', card.cardApplyNo ? <code key="app">{card.cardApplyNo}</code> : '—'],
            ['Mobile card', card.mobileCardNoMasked ?? '—'],
            ['Physical card', card.physicalCardNoMasked ?? '—'],
            ['Expiry', `${expiry.date} (${expiry.label})`],
          ]}
        />
        <FactsSection
          title="What the card can do"
          facts={[
            ['Rechargeable', yesNo(card.rechargeable)],
            ['From a personal account', yesNo(card.personalRechargeable)],
            ['Refundable', yesNo(card.refundable)],
            ['Remittable', yesNo(card.remittable)],
            ['Named (verified holder)', yesNo(card.isNamed)],
            ['Auto-reload', card.autoReloadStatus ? card.autoReloadStatus.toLowerCase() : '—'],
            ['Money transfer in progress', card.accTransferStatus === '1' ? <Chip key="t" size="small" color="warning" label="Yes: charge cancel or refund" /> : yesNo(false)],
          ]}
        />
        <FactsSection
          title="Points"
          facts={card.cardPointInfo?.map((point) => [
            point.pointName,
            `${formatCount(point.remainingPoint)} points${point.autoUse ? ' · used automatically' : ''} (${point.pointPolicyId})`,
          ])}
          none="No points on this card."
        />
        {debit && (
          <>
            <FactsSection
              title="Payment limits"
              facts={
                card.limits && [
                  ['Per day', formatKrw(card.limits.day)],
                  ['Per payment', formatKrw(card.limits.once)],
                  ['Per month', formatKrw(card.limits.month)],
                ]
              }
              none="No limits given."
            />
            <FactsSection
              title="Linked bank account"
              facts={
                card.bankInfo && [
                  ['Bank', card.bankInfo.bankName],
                  ['Account', card.bankInfo.accountNoMasked],
                  ['Cash IC', yesNo(card.bankInfo.enableFIC)],
                ]
              }
              none="No linked account."
            />
          </>
        )}
      </Grid>
    </Stack>
  );
}

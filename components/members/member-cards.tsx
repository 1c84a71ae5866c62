'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { cardProductType } from '@/lib/domain/card-status';
import { cardVerdict } from '@/lib/domain/card-verdict';
import { koreaToday } from '@/lib/format/expiry';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useMemberCards } from '@/components/members/use-member-cards';
import { CardImage } from './card-image';
import { CardStatusChips } from './card-status-chips';
import { CardVerdictLine } from './card-verdict';
import { CardsError } from './cards-error';
import { FetchedAt } from './fetched-at';
import { useExpiry } from './use-expiry';

/** A member's cards, one row each; a row opens the card's detail (Enter or click). */
export function MemberCards({ userId, par, initial }: { userId: string; par?: string; initial?: MemberCardsResult }) {
  const t = useTranslations('members.cards');
  const tCards = useTranslations('cards');
  const format = useLocaleFormat();
  const expiryOf = useExpiry();
  const router = useRouter();
  const { data = initial, isValidating, mutate } = useMemberCards({ userId, par }, initial);
  const today = koreaToday();
  if (!data) return <LinearProgress aria-label={t('loading')} />;

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {data.status === 'ok' ? t('count', { count: data.cards.length }) : t('heading')}
          {par && <Chip size="small" sx={{ ml: 1 }} label={t('parFilter', { par })} onDelete={() => router.push(`/members/${userId}`)} />}
        </Typography>
        <FetchedAt at={data.status === 'ok' ? data.fetchedAt : undefined} refreshing={isValidating} onRefresh={() => mutate()} />
      </Stack>
      {data.status === 'error' ? (
        <CardsError userId={userId} result={data} />
      ) : data.cards.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="no-cards">
          <Typography>{par ? t('noneWithPar') : t('none')}</Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          {/* Korean wraps between words, not inside them. */}
          <Table aria-label={t('table', { userId })} size="small" sx={{ wordBreak: 'keep-all' }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('column.card')}</TableCell>
                <TableCell>{t('column.numbers')}</TableCell>
                <TableCell align="right">{t('column.balance')}</TableCell>
                <TableCell align="right">{t('column.pending')}</TableCell>
                <TableCell>{t('column.expiry')}</TableCell>
                <TableCell>{t('column.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.cards.map((card) => {
                const expiry = expiryOf(card.expiryDate);
                const href = `/members/${userId}/cards/${card.par}`;
                return (
                  <TableRow key={card.par} hover data-testid="card-row" sx={{ '& > td': { verticalAlign: 'top' } }}>
                    <TableCell>
                      <Stack direction="row" spacing={1.5}>
                        <CardImage src={card.serviceImageUrl} alt="" />
                        <Box>
                          <Link href={href} className="card-link">
                            <Typography component="span" sx={{ fontWeight: 600 }}>
                              {card.serviceName}
                            </Typography>
                          </Link>
                          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                            {tCards('kind', { type: cardProductType(card), named: card.isNamed ? 'named' : 'unnamed' })}
                          </Typography>
                        </Box>
                      </Stack>
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                      {card.mobileCardNoMasked && <NumberLine kind={t('mobile')} masked={card.mobileCardNoMasked} />}
                      {card.physicalCardNoMasked && <NumberLine kind={t('physical')} masked={card.physicalCardNoMasked} />}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {format.krw(card.balance)}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {card.pendingAmount > 0 ? format.krw(card.pendingAmount) : '—'}
                    </TableCell>
                    {/* The date on one line; how far it is may wrap, to leave room for the status chips. */}
                    <TableCell>
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                        {expiry.date}
                      </Box>
                      <Typography variant="body2" color={expiry.expired ? 'error' : expiry.daysLeft <= 30 ? 'warning.main' : 'text.secondary'}>
                        {expiry.relative}
                      </Typography>
                    </TableCell>
                    {/* Room for the longest status chip (a chip does not wrap). */}
                    <TableCell sx={{ minWidth: 200 }}>
                      <CardVerdictLine verdict={cardVerdict(card, { today })} />
                      <CardStatusChips card={card} />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

function NumberLine({ kind, masked }: { kind: string; masked: string }) {
  return (
    <div>
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'inline-block', width: 64, fontFamily: 'inherit' }}>
        {kind}
      </Typography>
      {masked}
    </div>
  );
}

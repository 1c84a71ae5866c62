'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
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
import { describeExpiry } from '@/lib/format/expiry';
import { formatKrw } from '@/lib/format/money';
import { useMemberCards } from '@/components/members/use-member-cards';
import { CardImage } from './card-image';
import { CardStatusChips } from './card-status-chips';
import { CardsError } from './cards-error';
import { FetchedAt } from './fetched-at';

/** A member's cards, one row each; a row opens the card's detail (Enter or click). */
export function MemberCards({ userId, par, initial }: { userId: string; par?: string; initial?: MemberCardsResult }) {
  const router = useRouter();
  const { data = initial, isValidating, mutate } = useMemberCards({ userId, par }, initial);
  if (!data) return <LinearProgress aria-label="Reading the member's cards" />;

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {data.status === 'ok' ? `${data.cards.length} card${data.cards.length === 1 ? '' : 's'}` : 'Cards'}
          {par && <Chip size="small" sx={{ ml: 1 }} label={`PAR ${par}`} onDelete={() => router.push(`/members/${userId}`)} />}
        </Typography>
        <FetchedAt at={data.status === 'ok' ? data.fetchedAt : undefined} refreshing={isValidating} onRefresh={() => mutate()} />
      </Stack>
      {data.status === 'error' ? (
        <CardsError userId={userId} result={data} />
      ) : data.cards.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="no-cards">
          <Typography>{par ? 'This member has no card with this PAR.' : 'This member has no cards.'}</Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={`Cards of member ${userId}`} size="small">
            <TableHead>
              <TableRow>
                <TableCell>Card</TableCell>
                <TableCell>Numbers</TableCell>
                <TableCell align="right">Balance</TableCell>
                <TableCell align="right">Pending</TableCell>
                <TableCell>Expiry</TableCell>
                <TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.cards.map((card) => {
                const expiry = describeExpiry(card.expiryDate);
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
                          <Typography variant="body2" color="text.secondary">
                            {cardProductType(card) === 'debit' ? 'Debit' : 'Prepaid'} · {card.isNamed ? 'named' : 'unnamed'}
                          </Typography>
                        </Box>
                      </Stack>
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                      {card.mobileCardNoMasked && <NumberLine kind="Mobile" masked={card.mobileCardNoMasked} />}
                      {card.physicalCardNoMasked && <NumberLine kind="Physical" masked={card.physicalCardNoMasked} />}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatKrw(card.balance)}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {card.pendingAmount > 0 ? formatKrw(card.pendingAmount) : '—'}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {expiry.date}
                      <Typography variant="body2" color={expiry.expired ? 'error' : expiry.daysLeft <= 30 ? 'warning.main' : 'text.secondary'}>
                        {expiry.label}
                      </Typography>
                    </TableCell>
                    <TableCell>
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
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'inline-block', width: 56, fontFamily: 'inherit' }}>
        {kind}
      </Typography>
      {masked}
    </div>
  );
}

'use client';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { UpstreamReference } from '@/components/feedback/correlation-id-link';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { CardStatusChips } from '@/components/members/card-status-chips';
import type { MemberCardsResult } from '@/lib/domain/cards';

/** The member's cards as the platform answered when the checker opened the request; the card it acts on marked. */
export function CardsNow({ result, cardRef }: { result: MemberCardsResult; cardRef: string | null }) {
  const t = useTranslations('approvals.cardsTable');
  const format = useLocaleFormat();
  if (result.status === 'error') {
    return (
      <Alert severity="error">
        {result.message} <UpstreamReference code={result.code} correlationId={result.correlationId} />
      </Alert>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('card')}</TableCell>
            <TableCell>{t('product')}</TableCell>
            <TableCell align="right">{t('balance')}</TableCell>
            <TableCell>{t('status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.cards.map((card) => (
            <TableRow key={card.par} selected={card.par === cardRef} aria-current={card.par === cardRef ? 'true' : undefined}>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{card.physicalCardNoMasked ?? card.mobileCardNoMasked ?? card.par}</TableCell>
              <TableCell>{card.serviceName}</TableCell>
              <TableCell align="right">{format.krw(card.balance)}</TableCell>
              <TableCell>
                <CardStatusChips card={card} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

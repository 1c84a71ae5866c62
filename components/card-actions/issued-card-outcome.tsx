'use client';
import { useCallback } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CardDeliveryStatus } from '@/components/members/card-delivery';
import type { ReadDeliveryOf } from './use-card-action';

/** What an issuance or reissuance answers: IssuedCard and IssuedDebitCard both fit. */
export interface NewCard {
  cardApplyNo: string;
  mobileCardNoMasked?: string;
  physicalCardNoMasked?: string;
}

/** What came back from an issuance or reissuance: the application number, the new card, and where its delivery is. */
export function IssuedCardOutcome({
  title,
  userId,
  card: { cardApplyNo, mobileCardNoMasked, physicalCardNoMasked },
  replayed,
  readDelivery,
}: {
  title: string;
  userId: string;
  card: NewCard;
  replayed?: boolean;
  /** Set when a physical card is on its way. */
  readDelivery?: ReadDeliveryOf;
}) {
  const t = useTranslations('cardActions.outcome');
  const read = useCallback(() => readDelivery!(cardApplyNo), [readDelivery, cardApplyNo]);
  return (
    <Stack spacing={2} data-testid="action-outcome">
      <Alert severity="success" role="status">
        <AlertTitle>{title}</AlertTitle>
        {replayed && <Typography variant="body2">{t('replayed')}</Typography>}
        <Typography variant="body2">
          {t.rich('applicationNumber', { number: cardApplyNo, b: (chunks) => <strong data-testid="card-apply-no">{chunks}</strong> })}
        </Typography>
        {mobileCardNoMasked && (
          <Typography variant="body2">{t.rich('mobileCard', { number: mobileCardNoMasked, b: (chunks) => <strong>{chunks}</strong> })}</Typography>
        )}
        {physicalCardNoMasked && (
          <Typography variant="body2">{t.rich('physicalCard', { number: physicalCardNoMasked, b: (chunks) => <strong>{chunks}</strong> })}</Typography>
        )}
      </Alert>
      {readDelivery && <CardDeliveryStatus cardApplyNo={cardApplyNo} read={read} />}
      <div>
        <Button component={Link} href={`/members/${userId}`} variant="contained">
          {t('back')}
        </Button>
      </div>
    </Stack>
  );
}

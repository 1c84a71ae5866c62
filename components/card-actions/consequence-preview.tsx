'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';

/** A replacement already asked for this card: the console's last reissuance of it (lib/cards/card-history.ts). */
export interface PendingReplacement {
  /** ISO time. */
  at: string;
  operator: string;
  minutesAgo: number;
}

/**
 * What a suspension or reissuance will do, said before it is confirmed: what happens to the old
 * card, that the number changes, the possible fee, the new card's product and where it goes,
 * and a replacement already asked for.
 */
export function ConsequencePreview({
  kind,
  newProduct,
  delivery,
  pendingReplacement,
}: {
  kind: 'suspend' | 'reissue';
  /** Reissuance: the new card's product, in words. */
  newProduct?: ReactNode;
  /** Reissuance: where the new card goes (the delivery summary's value). */
  delivery?: ReactNode;
  pendingReplacement?: PendingReplacement;
}) {
  const t = useTranslations('cardActions.preview');
  const format = useLocaleFormat();
  const lines: ReactNode[] =
    kind === 'suspend'
      ? [t('suspend.stops'), t('suspend.recorded'), t('suspend.reissueNext'), t('suspend.resume')]
      : [
          t('reissue.oldCard'),
          t('reissue.newNumber'),
          t('reissue.fee'),
          <span key="product">{t.rich('reissue.product', { product: () => newProduct })}</span>,
          <span key="delivery">{t.rich('reissue.delivery', { destination: () => delivery })}</span>,
        ];
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="consequence-preview">
      <AlertTitle>{t('title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {lines.map((line, index) => (
          // A fixed list per kind: its order is its identity.
          <li key={index}>{line}</li>
        ))}
      </Box>
      {pendingReplacement && (
        <Box sx={{ mt: 1, fontWeight: 600 }} data-testid="pending-replacement">
          {t('pendingReplacement', {
            minutes: pendingReplacement.minutesAgo,
            operator: pendingReplacement.operator,
            at: format.dateTime(pendingReplacement.at),
          })}
        </Box>
      )}
    </Alert>
  );
}

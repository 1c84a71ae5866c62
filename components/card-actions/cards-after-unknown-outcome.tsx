'use client';
import { useTranslations } from 'next-intl';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { MemberCards } from '@/components/members/member-cards';

/**
 * After a write whose outcome is unknown, the member's cards read afresh: the operator
 * sees whether the card exists before anything is sent again.
 */
export function CardsAfterUnknownOutcome({ userId }: { userId: string }) {
  const t = useTranslations('cardActions.outcome');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('cardsNow')} data-testid="cards-after-unknown">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('cardsNow')}
      </Typography>
      <MemberCards userId={userId} />
    </Paper>
  );
}

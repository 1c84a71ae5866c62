'use client';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { MemberCards } from '@/components/members/member-cards';

/**
 * After a write whose outcome is unknown, the member's cards read afresh: the operator
 * sees whether the card exists before anything is sent again.
 */
export function CardsAfterUnknownOutcome({ userId }: { userId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="The member's cards now" data-testid="cards-after-unknown">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        The member&apos;s cards now
      </Typography>
      <MemberCards userId={userId} />
    </Paper>
  );
}

import Link from 'next/link';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** What an issuance or reissuance answers: IssuedCard and IssuedDebitCard both fit. */
export interface NewCard {
  cardApplyNo: string;
  mobileCardNoMasked?: string;
  physicalCardNoMasked?: string;
}

/** What came back from an issuance or reissuance: the application number and the new card. */
export function IssuedCardOutcome({
  title,
  userId,
  card: { cardApplyNo, mobileCardNoMasked, physicalCardNoMasked },
  replayed,
}: {
  title: string;
  userId: string;
  card: NewCard;
  replayed?: boolean;
}) {
  return (
    <Stack spacing={2} data-testid="action-outcome">
      <Alert severity="success" role="status">
        <AlertTitle>{title}</AlertTitle>
        {replayed && <Typography variant="body2">This request had already been sent; this is its outcome.</Typography>}
        <Typography variant="body2">
          Application number <strong data-testid="card-apply-no">{cardApplyNo}</strong>
        </Typography>
        {mobileCardNoMasked && (
          <Typography variant="body2">
            New mobile card <strong>{mobileCardNoMasked}</strong>
          </Typography>
        )}
        {physicalCardNoMasked && (
          <Typography variant="body2">
            Physical card <strong>{physicalCardNoMasked}</strong>
          </Typography>
        )}
      </Alert>
      <div>
        <Button component={Link} href={`/members/${userId}`} variant="contained">
          Back to the member&apos;s cards
        </Button>
      </div>
    </Stack>
  );
}

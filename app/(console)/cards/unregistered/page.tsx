import type { Metadata } from 'next';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { UnregisteredLookup } from '@/components/members/unregistered-lookup';
import { requirePagePermission } from '@/lib/auth/access';
import { lookupUnregisteredCardAction } from './actions';

export const metadata: Metadata = { title: 'Unregistered card' };

export default async function UnregisteredCardPage() {
  await requirePagePermission('cards.lookupUnregistered', '/cards/unregistered');
  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        Look up an unregistered card
      </Typography>
      <Typography color="text.secondary">
        For a card no member has registered yet. Read the number, expiry and CVC from the card with the caller; nothing you
        type here is kept.
      </Typography>
      <UnregisteredLookup action={lookupUnregisteredCardAction} />
    </Stack>
  );
}

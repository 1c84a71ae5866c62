import type { Metadata } from 'next';
import Link from 'next/link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MemberSearchForm } from '@/components/members/member-search-form';
import { recentMemberSearches } from '@/lib/audit/recent-searches';
import { requirePagePermission } from '@/lib/auth/access';
import { formatDateTime } from '@/lib/format/date';
import { findCardByNumberAction } from './members/actions';

export const metadata: Metadata = { title: 'Members' };

export default async function HomePage() {
  const operator = await requirePagePermission('cards.view', '/');
  const recent = await recentMemberSearches(operator.id);
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        Find a member’s cards
      </Typography>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <MemberSearchForm findByCardNumber={findCardByNumberAction} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="recent-searches">
        <Typography id="recent-searches" variant="h6" component="h2">
          Your recent searches
        </Typography>
        {recent.length === 0 ? (
          <Typography color="text.secondary">None yet.</Typography>
        ) : (
          <List dense>
            {recent.map(({ memberId, at }) => (
              <ListItem key={memberId} disableGutters>
                <ListItemText
                  primary={<Link href={`/members/${memberId}`}>Member {memberId}</Link>}
                  secondary={formatDateTime(at)}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}

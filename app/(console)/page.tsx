import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MemberSearchForm } from '@/components/members/member-search-form';
import { recentMemberSearches } from '@/lib/audit/recent-searches';
import { requirePagePermission } from '@/lib/auth/access';
import { localeFormat } from '@/lib/format/locale-format';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { findCardByNumberAction } from './members/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('members.search'))('title') };
}

export default async function HomePage() {
  const operator = await requirePagePermission('cards.view', '/');
  const recent = await recentMemberSearches(operator.id);
  const t = await getTranslations('members.search');
  const format = localeFormat(await getLocale());
  return (
    <ClientMessages page="(console)">
      <MuiTheme>
        <Stack spacing={3} sx={{ maxWidth: 1100 }}>
          <Typography variant="h5" component="h1">
            {t('heading')}
          </Typography>
          <Paper variant="outlined" sx={{ p: 3 }}>
            <MemberSearchForm findByCardNumber={findCardByNumberAction} />
          </Paper>
          <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="recent-searches">
            <Typography id="recent-searches" variant="h6" component="h2">
              {t('recent')}
            </Typography>
            {recent.length === 0 ? (
              <Typography color="text.secondary">{t('recentNone')}</Typography>
            ) : (
              <List dense>
                {recent.map(({ memberId, at }) => (
                  <ListItem key={memberId} disableGutters>
                    <ListItemText
                      primary={<Link href={`/members/${memberId}`}>{t('recentMember', { memberId })}</Link>}
                      secondary={format.dateTime(at)}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </Paper>
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MemberCards } from '@/components/members/member-cards';
import { MemberSearchForm } from '@/components/members/member-search-form';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { problemText } from '@/lib/schemas/problem';
import { findCardByNumberAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('members.member'))('title') };
}

export default async function MemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ par?: string }>;
}) {
  const userId = userIdSchema.safeParse((await params).userId);
  if (!userId.success) notFound();
  const { par: rawPar } = await searchParams;
  const par = rawPar ? parSchema.safeParse(rawPar) : undefined;
  const operator = await requirePagePermission('cards.view', `/members/${userId.data}`);
  const initial = await loadMemberCards(operator, { userId: userId.data, par: par?.success ? par.data : undefined });
  const t = await getTranslations('members.member');
  const problemOf = async (text: string) => problemText(text, await getTranslations('validation'));

  return (
    <Stack spacing={3} sx={{ maxWidth: 1300 }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <MemberSearchForm initial={{ userId: userId.data, par: rawPar }} findByCardNumber={findCardByNumberAction} />
      </Paper>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="h5" component="h1">
          {t('heading', { userId: userId.data })}
        </Typography>
        <Stack direction="row" spacing={1}>
          {can(operator.roles, 'audit.read') && (
            <Button href={`/members/${userId.data}/timeline`} variant="outlined">
              {t('timeline')}
            </Button>
          )}
          {can(operator.roles, 'cards.issue') && initial.status === 'ok' && (
            <Button href={`/members/${userId.data}/issue`} variant="contained">
              {t('issue')}
            </Button>
          )}
        </Stack>
      </Stack>
      {par && !par.success ? (
        <Typography color="error">{t('badPar', { problem: await problemOf(par.error.issues[0]?.message ?? '') })}</Typography>
      ) : (
        <MemberCards userId={userId.data} par={par?.data} initial={initial} />
      )}
    </Stack>
  );
}

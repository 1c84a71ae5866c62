import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { MemberCards } from '@/components/members/member-cards';
import { MemberHeader } from '@/components/members/member-header';
import { MemberNotes } from '@/components/members/member-notes';
import { MemberSearchForm } from '@/components/members/member-search-form';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { listMemberNotes } from '@/lib/members/notes';
import { loadMemberProfile } from '@/lib/members/profile';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { problemText } from '@/lib/schemas/problem';
import { findCardByNumberAction } from '../actions';
import { addMemberNoteAction, revealMemberContactAction } from './actions';

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
  // Not awaited: the header streams in; the cards neither wait for the profile nor fail with it.
  const profile = loadMemberProfile(operator, userId.data);
  const mayNote = can(operator.roles, 'members.notes');
  const [initial, notes] = await Promise.all([
    loadMemberCards(operator, { userId: userId.data, par: par?.success ? par.data : undefined }),
    mayNote ? listMemberNotes(userId.data) : [],
  ]);
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
      <MemberHeader profile={profile} reveal={revealMemberContactAction.bind(null, userId.data)} />
      {par && !par.success ? (
        <Typography color="error">{t('badPar', { problem: await problemOf(par.error.issues[0]?.message ?? '') })}</Typography>
      ) : (
        <MemberCards userId={userId.data} par={par?.data} initial={initial} />
      )}
      {mayNote && <MemberNotes notes={notes} add={addMemberNoteAction.bind(null, userId.data)} idempotencyKey={randomUUID()} />}
    </Stack>
  );
}

import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { MemberTimeline, type MemberTimelineEntry } from '@/components/audit/member-timeline';
import { PageLinks } from '@/components/audit/page-links';
import { MemberHeader } from '@/components/members/member-header';
import { decodeTimelineCursor, listMemberTimeline } from '@/lib/audit/card-state/member-timeline';
import { recordAuditRead } from '@/lib/audit/record';
import { requirePagePermission } from '@/lib/auth/access';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';
import { can } from '@/lib/domain/permissions';
import { listMemberNotesWithin } from '@/lib/members/notes';
import { loadMemberProfile } from '@/lib/members/profile';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { revealMemberContactAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('members.timeline'))('title') };
}

export default async function MemberTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { userId } = await params;
  if (!MEMBER_ID_PATTERN.test(userId)) notFound();
  const operator = await requirePagePermission('audit.read', `/members/${userId}/timeline`);
  const profile = loadMemberProfile(operator, userId);
  const cursorParam = (await searchParams).cursor;
  const cursorText = typeof cursorParam === 'string' && cursorParam ? cursorParam : null;
  const cursor = cursorText === null ? null : decodeTimelineCursor(cursorText);
  const badCursor = cursorText !== null && cursor === null;
  if (!badCursor) await recordAuditRead(operator, 'member-timeline', { memberId: userId, page: cursor ? 'older' : 'newest' });
  const page = badCursor ? null : await listMemberTimeline(userId, { cursor });
  // The notes written within this page's span of time, for those who may read notes.
  const notes =
    page && can(operator.roles, 'members.notes')
      ? await listMemberNotesWithin(userId, { after: page.nextCursor ? decodeTimelineCursor(page.nextCursor)?.at : null, upTo: cursor?.at })
      : [];
  const entries: MemberTimelineEntry[] = [
    ...(page?.items ?? []),
    ...notes.map((note) => ({ ...note, kind: 'note' as const, key: `note-${note.id}` })),
  ].sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  const base = `/members/${userId}/timeline`;
  const t = await getTranslations('members.timeline');

  return (
    <ClientMessages page="(console)/members/[userId]/timeline">
      <MuiTheme>
        <>
          <Breadcrumbs aria-label={t('breadcrumb')} sx={{ mb: 1 }}>
            <NextLink href={`/members/${userId}`}>{t('member', { userId })}</NextLink>
            <Typography color="text.primary">{t('crumb')}</Typography>
          </Breadcrumbs>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('heading', { userId })}
          </Typography>
          <MemberHeader profile={profile} reveal={revealMemberContactAction.bind(null, userId)} />
          <Typography color="text.secondary" sx={{ my: 2 }}>
            {t('intro')} <NextLink href={`/audit?member=${userId}`}>{t('openInAudit')}</NextLink>
          </Typography>
          {badCursor && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {t('badCursor')} <NextLink href={base}>{t('startOver')}</NextLink>
            </Alert>
          )}
          {page && (
            <>
              <MemberTimeline items={entries} />
              <PageLinks
                label={t('pages')}
                first={cursor ? { href: base, label: t('newest') } : null}
                next={page.nextCursor ? { href: `${base}?cursor=${page.nextCursor}`, label: t('older') } : null}
              />
            </>
          )}
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

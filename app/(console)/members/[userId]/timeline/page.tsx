import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { MemberTimeline } from '@/components/audit/member-timeline';
import { PageLinks } from '@/components/audit/page-links';
import { decodeTimelineCursor, listMemberTimeline } from '@/lib/audit/card-state/member-timeline';
import { requirePagePermission } from '@/lib/auth/access';
import { MEMBER_ID_PATTERN } from '@/lib/domain/member-id';

export const metadata: Metadata = { title: 'Member timeline' };

export default async function MemberTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { userId } = await params;
  if (!MEMBER_ID_PATTERN.test(userId)) notFound();
  await requirePagePermission('audit.read', `/members/${userId}/timeline`);
  const cursorParam = (await searchParams).cursor;
  const cursorText = typeof cursorParam === 'string' && cursorParam ? cursorParam : null;
  const cursor = cursorText === null ? null : decodeTimelineCursor(cursorText);
  const badCursor = cursorText !== null && cursor === null;
  const page = badCursor ? null : await listMemberTimeline(userId, { cursor });
  const base = `/members/${userId}/timeline`;

  return (
    <>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <NextLink href={`/members/${userId}`}>Member {userId}</NextLink>
        <Typography color="text.primary">Timeline</Typography>
      </Breadcrumbs>
      <Typography variant="h5" component="h1" gutterBottom>
        Timeline of member {userId}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Operator actions on this member and every change of their cards&apos; state the console saw, newest first.{' '}
        <NextLink href={`/audit?member=${userId}`}>Open in the audit trail</NextLink>
      </Typography>
      {badCursor && (
        <Alert severity="error" sx={{ mb: 2 }}>
          This page link is not valid. <NextLink href={base}>Start from the newest entries.</NextLink>
        </Alert>
      )}
      {page && (
        <>
          <MemberTimeline items={page.items} />
          <PageLinks
            label="Timeline pages"
            first={cursor ? { href: base, label: 'Newest' } : null}
            next={page.nextCursor ? { href: `${base}?cursor=${page.nextCursor}`, label: 'Older entries' } : null}
          />
        </>
      )}
    </>
  );
}

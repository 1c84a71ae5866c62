import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { getMessages, getTranslations } from 'next-intl/server';
import { MemberCardsView } from '@/components/members/member-cards-view';
import { MemberHeader } from '@/components/members/member-header';
import { MemberNotes } from '@/components/members/member-notes';
import { MemberSearchForm } from '@/components/members/member-search-form';
import { RefreshCards } from '@/components/members/refresh-cards';
import styles from '@/components/members/member-page.module.css';
import { ButtonLink } from '@/components/primitives/button';
import { Progress } from '@/components/primitives/progress';
import primitives from '@/components/primitives/primitives.module.css';
import type { MemberCardsResult } from '@/lib/domain/cards';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { listMemberNotes } from '@/lib/members/notes';
import { loadMemberProfile } from '@/lib/members/profile';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { problemText } from '@/lib/schemas/problem';
import { ClientMessages } from '@/lib/i18n/client-messages';
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
  // Not awaited: the shell, the search and the header paint first; the cards and the profile
  // stream in, neither waiting for the other nor failing with it.
  const profile = loadMemberProfile(operator, userId.data);
  // A PAR refused is said next to the search; nothing is read with it.
  const cards = par && !par.success ? undefined : loadMemberCards(operator, { userId: userId.data, par: par?.data });
  const mayNote = can(operator.roles, 'members.notes');
  const notes = mayNote ? await listMemberNotes(userId.data) : [];
  const t = await getTranslations('members.member');
  const tCards = await getTranslations('members.cards');
  const problemOf = async (text: string) => problemText(text, await getTranslations('validation'), (await getMessages()).validation);

  return (
    <ClientMessages page="(console)/members/[userId]">
      <div className={styles.page}>
        <div className={primitives.panel}>
          <MemberSearchForm initial={{ userId: userId.data, par: rawPar }} findByCardNumber={findCardByNumberAction} />
        </div>
        <div className={styles.titleRow}>
          <h1 className={primitives.h5}>{t('heading', { userId: userId.data })}</h1>
          <div className={styles.titleActions}>
            {can(operator.roles, 'audit.read') && (
              <ButtonLink href={`/members/${userId.data}/timeline`} variant="outlined">
                {t('timeline')}
              </ButtonLink>
            )}
            {can(operator.roles, 'cards.issue') && cards && (
              <Suspense fallback={null}>
                <IssueButton userId={userId.data} cards={cards} label={t('issue')} />
              </Suspense>
            )}
          </div>
        </div>
        <MemberHeader profile={profile} reveal={revealMemberContactAction.bind(null, userId.data)} />
        {cards ? (
          <Suspense fallback={<Progress label={tCards('loading')} />}>
            <CardsSection userId={userId.data} par={par?.data} cards={cards} />
          </Suspense>
        ) : (
          <p className={styles.error}>{t('badPar', { problem: await problemOf(par?.error?.issues[0]?.message ?? '') })}</p>
        )}
        {mayNote && <MemberNotes notes={notes} add={addMemberNoteAction.bind(null, userId.data)} idempotencyKey={randomUUID()} />}
      </div>
    </ClientMessages>
  );
}

/** Issuing is offered once the member is known to exist. */
async function IssueButton({ userId, cards, label }: { userId: string; cards: Promise<MemberCardsResult>; label: string }) {
  if ((await cards).status !== 'ok') return null;
  return (
    <ButtonLink href={`/members/${userId}/issue`} variant="contained">
      {label}
    </ButtonLink>
  );
}

async function CardsSection({ userId, par, cards }: { userId: string; par?: string; cards: Promise<MemberCardsResult> }) {
  const result = await cards;
  return <MemberCardsView userId={userId} par={par} result={result} refresh={<RefreshCards at={result.status === 'ok' ? result.fetchedAt : undefined} />} />;
}

'use client';
import { useTranslations } from 'next-intl';
import LinearProgress from '@mui/material/LinearProgress';
import { useMemberCards } from '@/components/members/use-member-cards';
import { FetchedAt } from './fetched-at';
import { MemberCardsView } from './member-cards-view';

/** A member's cards read from the browser (after a write whose outcome is unknown), refreshed on focus and on demand. */
export function MemberCards({ userId }: { userId: string }) {
  const t = useTranslations('members.cards');
  const { data, isValidating, mutate } = useMemberCards(userId);
  if (!data) return <LinearProgress aria-label={t('loading')} />;
  return (
    <MemberCardsView
      userId={userId}
      result={data}
      refresh={<FetchedAt at={data.status === 'ok' ? data.fetchedAt : undefined} refreshing={isValidating} onRefresh={() => mutate()} />}
    />
  );
}

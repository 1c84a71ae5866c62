'use client';
import { useTranslations } from 'next-intl';
import { useMemberCards } from '@/components/members/use-member-cards';
import { Progress } from '@/components/primitives/progress';
import { FetchedAt } from './fetched-at';
import { MemberCardsView } from './member-cards-view';

/** A member's cards read from the browser (after a write whose outcome is unknown), refreshed on focus and on demand. */
export function MemberCards({ userId }: { userId: string }) {
  const t = useTranslations('members.cards');
  const { data, isValidating, mutate } = useMemberCards(userId);
  if (!data) return <Progress label={t('loading')} />;
  return (
    <MemberCardsView
      userId={userId}
      result={data}
      refresh={<FetchedAt at={data.status === 'ok' ? data.fetchedAt : undefined} refreshing={isValidating} onRefresh={() => mutate()} />}
    />
  );
}

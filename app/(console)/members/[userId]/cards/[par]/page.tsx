import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CardStateTimeline } from '@/components/audit/card-state-timeline';
import { CardStateActions } from '@/components/card-actions/card-state-actions';
import { CardDeliveryStatus } from '@/components/members/card-delivery';
import { CardDetail } from '@/components/members/card-detail';
import { MemberHeader } from '@/components/members/member-header';
import { RefreshCards } from '@/components/members/refresh-cards';
import { getCardStateTimeline } from '@/lib/audit/card-state/card-timeline';
import { recordAuditRead } from '@/lib/audit/record';
import { requirePagePermission } from '@/lib/auth/access';
import { loadCardDelivery } from '@/lib/cards/card-delivery';
import { lastCardAction } from '@/lib/cards/card-history';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { loadMemberProfile } from '@/lib/members/profile';
import { cardStateActions, reissueAvailability } from '@/lib/domain/card-status';
import type { MemberCard } from '@/lib/domain/cards';
import type { VerdictContext } from '@/lib/domain/card-verdict';
import { can } from '@/lib/domain/permissions';
import type { CurrentOperator } from '@/lib/auth/access';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { revealMemberContactAction } from '../../actions';
import { readCardDeliveryAction } from '../actions';
import { cancelCardApplicationAction, changeCardStatusAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cards.page'))('title') };
}

/**
 * What the platform's statuses do not say, from the console's own trail: when the card was
 * suspended, and which card replaced it (the reissuance's answer, found in the member's cards).
 */
async function verdictHistory(operator: CurrentOperator, userId: string, card: MemberCard): Promise<Omit<VerdictContext, 'today'>> {
  if (card.cardBizStatus === '31') return { suspendedAt: (await lastCardAction(userId, card.par, 'suspend-card'))?.at };
  if (card.cardBizStatus !== '3A') return {};
  const reissue = await lastCardAction(userId, card.par, 'reissue-prepaid');
  if (!reissue) return {};
  const all = await loadMemberCards(operator, { userId });
  const replacement = all.status === 'ok' ? all.cards.find((c) => c.par === reissue.request.newCardPar || c.cardApplyNo === reissue.request.newCardApplyNo) : undefined;
  return { replacedBy: replacement?.physicalCardNoMasked ?? replacement?.mobileCardNoMasked };
}

export default async function CardPage({ params }: { params: Promise<{ userId: string; par: string }> }) {
  const raw = await params;
  const userId = userIdSchema.safeParse(raw.userId);
  const par = parSchema.safeParse(raw.par);
  if (!userId.success || !par.success) notFound();
  const operator = await requirePagePermission('cards.view', `/members/${userId.data}/cards/${par.data}`);
  const initial = await loadMemberCards(operator, { userId: userId.data, par: par.data }, 'view-card');
  const card = initial.status === 'ok' ? initial.cards.find((c) => c.par === par.data) : undefined;
  // Only a delivered card has a delivery to ask about (a mobile-only application has none).
  const delivered = card?.cardApplyNo && (card.physicalCardNoMasked || card.physicalCardStatus) ? card.cardApplyNo : undefined;
  const [delivery, history, timeline] = await Promise.all([
    delivered ? loadCardDelivery(operator, { userId: userId.data, cardApplyNo: delivered, par: par.data }) : undefined,
    card ? verdictHistory(operator, userId.data, card) : {},
    can(operator.roles, 'audit.read')
      ? recordAuditRead(operator, 'card-timeline', { memberId: userId.data, cardRef: par.data }).then(() => getCardStateTimeline(userId.data, par.data))
      : undefined,
  ]);
  const deliveryStatus = delivery?.status === 'ok' ? delivery.data.status : undefined;
  const reissue = reissueAvailability(card, operator.roles);
  const offers = card ? cardStateActions(card, deliveryStatus, operator.roles) : undefined;
  const t = await getTranslations('cards');

  return (
    <ClientMessages page="(console)/members/[userId]/cards/[par]">
      <MuiTheme>
        <Stack spacing={3} sx={{ maxWidth: 1300 }}>
          <Breadcrumbs aria-label={t('page.breadcrumb')}>
            <Link href={`/members/${userId.data}`}>{t('page.member', { userId: userId.data })}</Link>
            <Typography color="text.primary">{t('page.card', { par: par.data })}</Typography>
          </Breadcrumbs>
          <MemberHeader profile={loadMemberProfile(operator, userId.data)} reveal={revealMemberContactAction.bind(null, userId.data)} />
          <CardDetail
            userId={userId.data}
            par={par.data}
            result={initial}
            refresh={<RefreshCards at={initial.status === 'ok' ? initial.fetchedAt : undefined} />}
            verdictContext={{ ...history, delivery: deliveryStatus }}
          />
          {card && offers && (can(operator.roles, 'cards.reissue') || can(operator.roles, 'cards.changeStatus') || can(operator.roles, 'cards.cancelApplication')) && (
            <CardStateActions
              userId={userId.data}
              offers={offers}
              reissue={
                can(operator.roles, 'cards.reissue')
                  ? { offered: reissue.offered, href: `/members/${userId.data}/cards/${par.data}/reissue`, reason: t(`reissueReason.${reissue.reason}`) }
                  : undefined
              }
              keys={{ suspend: randomUUID(), resume: randomUUID(), cancel: randomUUID() }}
              changeStatus={changeCardStatusAction.bind(null, userId.data, par.data)}
              cancelApplication={card.cardApplyNo ? cancelCardApplicationAction.bind(null, userId.data, par.data, card.cardApplyNo) : undefined}
            />
          )}
          {delivered && (
            <CardDeliveryStatus key={`${delivered}-${deliveryStatus ?? ''}`} cardApplyNo={delivered} initial={delivery} read={readCardDeliveryAction.bind(null, userId.data, delivered)} />
          )}
          {timeline && <CardStateTimeline entries={timeline} />}
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}

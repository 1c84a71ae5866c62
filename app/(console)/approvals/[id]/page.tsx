import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApprovalDecision } from '@/components/approvals/approval-decision';
import { CardsNow } from '@/components/approvals/cards-now';
import { ConsequencePreview } from '@/components/card-actions/consequence-preview';
import { HeldRequest } from '@/components/approvals/held-request';
import { needsIdentityNumber } from '@/lib/approvals/operations';
import { expireDueRequests, getApprovalRequest } from '@/lib/approvals/requests';
import { requirePagePermission } from '@/lib/auth/access';
import { pendingReplacement } from '@/lib/cards/card-history';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { can } from '@/lib/domain/permissions';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { decideRequestAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('approvals.detail');
  return { title: t('heading') };
}

/**
 * One request, for its checker (the decision, with the member's cards read now, not as they
 * were when it was made) or its maker (where it stands). Anyone else: not found.
 */
/** Where a held issuance or reissuance sends the card, as the maker's confirmation said it. */
function deliveryInWords(input: Record<string, unknown>, mobileOnly: string): string {
  const address = input.address as { address?: string; addressDetail?: string; zipCode?: string } | undefined;
  if (input.isDeliveryRequired !== true || !address) return mobileOnly;
  return [address.zipCode && `(${address.zipCode})`, address.address, address.addressDetail].filter(Boolean).join(' ');
}

export default async function ApprovalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const operator = await requirePagePermission('cards.view', `/approvals/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  await expireDueRequests();
  const request = await getApprovalRequest(id);
  const mayDecide = can(operator.roles, 'requests.approve');
  const isMaker = request?.makerId === operator.id;
  if (!request || (!mayDecide && !isMaker)) notFound();

  const t = await getTranslations('approvals');
  const deciding = request.status === 'pending' && mayDecide && !isMaker;
  const [cards, pending] = deciding
    ? await Promise.all([
        loadMemberCards(operator, { userId: request.memberId }),
        request.action === 'reissue-prepaid' && request.cardRef ? pendingReplacement(request.memberId, request.cardRef, { exceptRequest: request.id }) : undefined,
      ])
    : [undefined, undefined];
  const preview = deciding && (request.action === 'reissue-prepaid' || request.action === 'suspend-card') && (
    <ConsequencePreview
      kind={request.action === 'suspend-card' ? 'suspend' : 'reissue'}
      newProduct={typeof request.input.nextServiceId === 'string' ? request.input.nextServiceId : t('input.sameProduct')}
      delivery={deliveryInWords(request.input, (await getTranslations('common.delivery'))('mobileOnly'))}
      pendingReplacement={pending}
    />
  );

  return (
    <ClientMessages page="(console)/approvals/[id]">
      <MuiTheme>
        <Stack spacing={3}>
          <div>
            <Typography variant="h5" component="h1" gutterBottom>
              {t('detail.heading')}
            </Typography>
            <Link href="/approvals">{t('detail.back')}</Link>
          </div>
          <HeldRequest request={request} />
          {preview}
          {request.status === 'pending' && isMaker && <Alert severity="info">{t('detail.ownRequest')}</Alert>}
          {request.status !== 'pending' && <Alert severity="info">{t('detail.notPending', { status: t(`statuses.${request.status}`) })}</Alert>}
          {cards && (
            <section aria-labelledby="cards-now">
              <Typography id="cards-now" variant="h6" component="h2">
                {t('detail.cardsNow')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {t('detail.cardsNowHint')}
              </Typography>
              <CardsNow result={cards} cardRef={request.cardRef} />
              <Typography variant="body2" sx={{ mt: 1 }}>
                <Link href={`/members/${request.memberId}`}>{t('detail.openMember')}</Link>
              </Typography>
            </section>
          )}
          {deciding && <ApprovalDecision decide={decideRequestAction.bind(null, request.id)} needsIdentityNumber={needsIdentityNumber(request.action)} />}
        </Stack>
      </MuiTheme>
    </ClientMessages>
  );
}

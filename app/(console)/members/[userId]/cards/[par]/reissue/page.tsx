import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { z } from 'zod';
import { ReissueForm } from '@/components/card-actions/reissue-form';
import { MemberHeader } from '@/components/members/member-header';
import { CardsError } from '@/components/members/cards-error';
import { requirePagePermission } from '@/lib/auth/access';
import { reissueAvailability } from '@/lib/domain/card-status';
import { pendingReplacement } from '@/lib/cards/card-history';
import { loadCardProducts } from '@/lib/cards/product-catalogue';
import { loadMemberProfile } from '@/lib/members/profile';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { revealMemberContactAction } from '../../../actions';
import { readCardDeliveryAction } from '../../actions';
import { reissuePrepaidCardAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cardActions.reissuePage'))('title') };
}

const prefillSchema = z.object({ nextServiceId: z.string().max(15).optional().catch(undefined) });

interface ReissuePageProps {
  params: Promise<{ userId: string; par: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Each of the page's outcomes below renders client components: one provider for all of them. */
export default function ReissuePage(props: ReissuePageProps) {
  return (
    <ClientMessages page="(console)/members/[userId]/cards/[par]/reissue">
      <MuiTheme>
        <Reissue {...props} />
      </MuiTheme>
    </ClientMessages>
  );
}

async function Reissue({ params, searchParams }: ReissuePageProps) {
  const raw = await params;
  const userId = userIdSchema.safeParse(raw.userId);
  const par = parSchema.safeParse(raw.par);
  if (!userId.success || !par.success) notFound();
  const operator = await requirePagePermission('cards.reissue', `/members/${userId.data}/cards/${par.data}/reissue`);
  const prefill = prefillSchema.parse(await searchParams);
  const t = await getTranslations('cardActions.reissuePage');
  // One audited read of the profile: the header shows it, the delivery form may take its address.
  const profile = loadMemberProfile(operator, userId.data);

  const header = (
    <>
      <Breadcrumbs aria-label={t('breadcrumb')} sx={{ mb: 1 }}>
        <Link href={`/members/${userId.data}`}>{t('member', { userId: userId.data })}</Link>
        <Link href={`/members/${userId.data}/cards/${par.data}`}>{t('card')}</Link>
        <Typography color="text.primary">{t('crumb')}</Typography>
      </Breadcrumbs>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('heading')}
      </Typography>
      <Box sx={{ mb: 2 }}>
        <MemberHeader profile={profile} reveal={revealMemberContactAction.bind(null, userId.data)} />
      </Box>
    </>
  );

  // The card as Konaplate sees it now: the form is offered only when it can be replaced.
  const current = await loadMemberCards(operator, { userId: userId.data, par: par.data }, 'view-card');
  if (current.status === 'error') {
    return (
      <>
        {header}
        <CardsError userId={userId.data} result={current} />
      </>
    );
  }
  const card = current.cards.find((c) => c.par === par.data);

  const availability = reissueAvailability(card, operator.roles);
  if (!card || !availability.offered) {
    const tCards = await getTranslations('cards');
    return (
      <>
        {header}
        <Alert severity="info" data-testid="reissue-not-offered">
          {tCards('page.notOffered', { reason: tCards(`reissueReason.${availability.reason}`) })}
        </Alert>
      </>
    );
  }
  const [catalogue, pending] = await Promise.all([loadCardProducts(operator), pendingReplacement(userId.data, par.data)]);
  return (
    <>
      {header}
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('intro', { name: card.serviceName, delivered: card.physicalCardNoMasked ? 'yes' : 'no' })}
      </Typography>
      <ReissueForm
        userId={userId.data}
        card={{
          serviceId: card.serviceId,
          serviceName: card.serviceName,
          cardNoMasked: card.physicalCardNoMasked ?? card.mobileCardNoMasked,
        }}
        idempotencyKey={randomUUID()}
        products={catalogue.products.prepaid}
        productsFailure={catalogue.failure}
        pendingReplacement={pending}
        action={reissuePrepaidCardAction.bind(null, userId.data, par.data)}
        readDelivery={readCardDeliveryAction.bind(null, userId.data)}
        memberProfile={profile}
        prefill={{ nextServiceId: prefill.nextServiceId }}
      />
    </>
  );
}

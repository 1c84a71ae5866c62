import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { z } from 'zod';
import { ReissueForm } from '@/components/card-actions/reissue-form';
import { CardsError } from '@/components/members/cards-error';
import { requirePagePermission } from '@/lib/auth/access';
import { reissueAvailability } from '@/lib/domain/card-status';
import { suggestedProducts } from '@/lib/cards/product-catalogue';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';
import { reissuePrepaidCardAction } from './actions';

export const metadata: Metadata = { title: 'Reissue a card' };

const prefillSchema = z.object({ nextServiceId: z.string().max(15).optional().catch(undefined) });

export default async function ReissuePage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string; par: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await params;
  const userId = userIdSchema.safeParse(raw.userId);
  const par = parSchema.safeParse(raw.par);
  if (!userId.success || !par.success) notFound();
  const operator = await requirePagePermission('cards.reissue', `/members/${userId.data}/cards/${par.data}/reissue`);
  const prefill = prefillSchema.parse(await searchParams);

  const header = (
    <>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link href={`/members/${userId.data}`}>Member {userId.data}</Link>
        <Link href={`/members/${userId.data}/cards/${par.data}`}>Card</Link>
        <Typography color="text.primary">Reissue</Typography>
      </Breadcrumbs>
      <Typography variant="h5" component="h1" gutterBottom>
        Reissue (replace) a prepaid card
      </Typography>
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
    return (
      <>
        {header}
        <Alert severity="info" data-testid="reissue-not-offered">
          Reissue is not offered: {availability.reason}
        </Alert>
      </>
    );
  }
  const products = await suggestedProducts('prepaid');
  return (
    <>
      {header}
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        The old card ({card.serviceName}) stops for good and a new card is issued
        {card.physicalCardNoMasked ? ' and delivered' : ''}.
      </Typography>
      <ReissueForm
        userId={userId.data}
        card={{
          serviceId: card.serviceId,
          serviceName: card.serviceName,
          cardNoMasked: card.physicalCardNoMasked ?? card.mobileCardNoMasked,
        }}
        idempotencyKey={randomUUID()}
        products={products.map(({ serviceId, serviceName }) => ({ serviceId, serviceName }))}
        action={reissuePrepaidCardAction.bind(null, userId.data, par.data)}
        prefill={{ nextServiceId: prefill.nextServiceId }}
      />
    </>
  );
}

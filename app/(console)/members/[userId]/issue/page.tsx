import type { Metadata } from 'next';
import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Typography from '@mui/material/Typography';
import { IssueCardTabs } from '@/components/card-actions/issue-card-tabs';
import { MemberHeader } from '@/components/members/member-header';
import { requirePagePermission } from '@/lib/auth/access';
import { loadCardProducts } from '@/lib/cards/product-catalogue';
import { loadMemberProfile } from '@/lib/members/profile';
import { z } from 'zod';
import { userIdSchema } from '@/lib/schemas/fields';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { readCardDeliveryAction } from '../cards/actions';
import { revealMemberContactAction } from '../actions';
import { issueDebitCardAction, issuePrepaidCardAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cardActions.issuePage'))('title') };
}

/** Optional starting values in the URL (the QA catalogue links here with them). */
const prefillSchema = z.object({
  tab: z.enum(['prepaid', 'debit']).catch('prepaid'),
  serviceId: z.string().max(15).optional().catch(undefined),
  delivery: z.enum(['delivery', 'mobile-only']).optional().catch(undefined),
});

export default async function IssueCardPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { userId: raw } = await params;
  const prefill = prefillSchema.parse(await searchParams);
  const userId = userIdSchema.safeParse(raw);
  if (!userId.success) notFound();
  const operator = await requirePagePermission('cards.issue', `/members/${userId.data}/issue`);
  const catalogue = await loadCardProducts(operator);
  const readDelivery = readCardDeliveryAction.bind(null, userId.data);
  const t = await getTranslations('cardActions.issuePage');
  // One audited read of the profile: the header shows it, the delivery forms may take its address.
  const profile = loadMemberProfile(operator, userId.data);

  return (
    <ClientMessages page="(console)/members/[userId]/issue">
      <MuiTheme>
        <>
          <Breadcrumbs aria-label={t('breadcrumb')} sx={{ mb: 1 }}>
            <Link href={`/members/${userId.data}`}>{t('member', { userId: userId.data })}</Link>
            <Typography color="text.primary">{t('crumb')}</Typography>
          </Breadcrumbs>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('heading', { userId: userId.data })}
          </Typography>
          <MemberHeader profile={profile} reveal={revealMemberContactAction.bind(null, userId.data)} />
          <Typography color="text.secondary" sx={{ my: 2 }}>
            {t('intro')}
          </Typography>
          <IssueCardTabs
            initialTab={prefill.tab}
            prepaid={{
              userId: userId.data,
              idempotencyKey: randomUUID(),
              products: catalogue.products.prepaid,
              productsFailure: catalogue.failure,
              action: issuePrepaidCardAction.bind(null, userId.data),
              readDelivery,
              memberProfile: profile,
              prefill: prefill.tab === 'prepaid' ? { serviceId: prefill.serviceId, delivery: prefill.delivery } : {},
            }}
            debit={{
              userId: userId.data,
              idempotencyKey: randomUUID(),
              products: catalogue.products.debit,
              productsFailure: catalogue.failure,
              action: issueDebitCardAction.bind(null, userId.data),
              readDelivery,
              memberProfile: profile,
              prefill: prefill.tab === 'debit' ? { serviceId: prefill.serviceId } : {},
            }}
          />
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

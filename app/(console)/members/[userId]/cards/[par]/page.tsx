import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CardStateTimeline } from '@/components/audit/card-state-timeline';
import { CardDetail } from '@/components/members/card-detail';
import { getCardStateTimeline } from '@/lib/audit/card-state/card-timeline';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { loadMemberCards } from '@/lib/cards/member-cards';
import { reissueAvailability } from '@/lib/domain/card-status';
import { parSchema, userIdSchema } from '@/lib/schemas/fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cards.page'))('title') };
}

export default async function CardPage({ params }: { params: Promise<{ userId: string; par: string }> }) {
  const raw = await params;
  const userId = userIdSchema.safeParse(raw.userId);
  const par = parSchema.safeParse(raw.par);
  if (!userId.success || !par.success) notFound();
  const operator = await requirePagePermission('cards.view', `/members/${userId.data}/cards/${par.data}`);
  const initial = await loadMemberCards(operator, { userId: userId.data, par: par.data }, 'view-card');
  const card = initial.status === 'ok' ? initial.cards.find((c) => c.par === par.data) : undefined;
  const reissue = reissueAvailability(card, operator.roles);
  const timeline = can(operator.roles, 'audit.read') ? await getCardStateTimeline(userId.data, par.data) : undefined;
  const t = await getTranslations('cards');
  const reason = t(`reissueReason.${reissue.reason}`);

  return (
    <Stack spacing={3} sx={{ maxWidth: 1300 }}>
      <Breadcrumbs aria-label={t('page.breadcrumb')}>
        <Link href={`/members/${userId.data}`}>{t('page.member', { userId: userId.data })}</Link>
        <Typography color="text.primary">{t('page.card', { par: par.data })}</Typography>
      </Breadcrumbs>
      <CardDetail userId={userId.data} par={par.data} initial={initial} />
      {card && (can(operator.roles, 'cards.reissue') || can(operator.roles, 'cards.issue')) && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="card-actions">
          <Typography id="card-actions" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
            {t('page.actions')}
          </Typography>
          {reissue.offered ? (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="contained" href={`/members/${userId.data}/cards/${par.data}/reissue`}>
                {t('page.reissue')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {t('page.offered', { reason })}
              </Typography>
            </Stack>
          ) : (
            <Alert severity="info" data-testid="reissue-not-offered">
              {t('page.notOffered', { reason })}
            </Alert>
          )}
        </Paper>
      )}
      {timeline && <CardStateTimeline entries={timeline} />}
    </Stack>
  );
}

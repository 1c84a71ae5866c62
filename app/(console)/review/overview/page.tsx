import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OverviewCharts } from '@/components/review/overview-charts';
import { requirePagePermission } from '@/lib/auth/access';
import { recordReviewRead } from '@/lib/review/audit';
import { actionsPerDay, cardStatesSeen, frequentErrors, lastDays, resultCodesPerDay } from '@/lib/review/charts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.overview');
  return { title: t('title') };
}

/** Korea-time days the overview covers, today included. */
const OVERVIEW_DAYS = 14;

export default async function OverviewPage() {
  const operator = await requirePagePermission('review.read', '/review/overview');
  const t = await getTranslations('review.overview');
  const now = new Date();
  const range = lastDays(OVERVIEW_DAYS, now);
  await recordReviewRead(operator, 'overview-charts', { from: range.from.toISOString(), to: range.to.toISOString() });
  // One after another: each reads the day under way from the trail (rolling up finished days once).
  const actions = await actionsPerDay(range, { now });
  const codes = await resultCodesPerDay(range, { now });
  const errors = await frequentErrors(range, { now });
  const cardStates = await cardStatesSeen(range);
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('intro', { days: OVERVIEW_DAYS })}
      </Typography>
      <Stack spacing={2}>
        <OverviewCharts data={{ actions, codes, errors, cardStates }} />
      </Stack>
    </>
  );
}

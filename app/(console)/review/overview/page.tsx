import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OverviewCharts } from '@/components/review/overview-charts';
import { requirePagePermission } from '@/lib/auth/access';
import { FINDING_SEVERITIES } from '@/lib/domain/review';
import { localeFormat } from '@/lib/format/locale-format';
import { accessReviewSchedule } from '@/lib/review/access-review';
import { recordReviewRead } from '@/lib/review/audit';
import { actionsPerDay, cardStatesSeen, frequentErrors, lastDays, resultCodesPerDay } from '@/lib/review/charts';
import { countFindings } from '@/lib/review/findings';
import { findingsReviewStatus } from '@/lib/review/runs';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';

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
  const [review, access, counts] = await Promise.all([findingsReviewStatus({ now }), accessReviewSchedule({ now }), countFindings()]);
  const open = FINDING_SEVERITIES.reduce((sum, severity) => sum + counts.open[severity], 0);
  const format = localeFormat(await getLocale());
  return (
    <ClientMessages page="(console)/review/overview">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('intro', { days: OVERVIEW_DAYS })}
          </Typography>
          <Stack spacing={1} sx={{ mb: 2 }} component="section" aria-label={t('status.label')} data-testid="review-status">
            <Alert severity={review.overdue ? 'warning' : open > 0 ? 'info' : 'success'}>
              {review.overdue || !review.lastCompleted?.finishedAt ? t('status.reviewOverdue') : t('status.reviewOk', { at: format.dateTime(review.lastCompleted.finishedAt) })}{' '}
              <Link href="/review?status=open">{t('status.findingsOpen', { count: open, critical: counts.open.critical + counts.open.high })}</Link>
            </Alert>
            <Alert severity={access.overdue ? 'warning' : 'info'}>
              {access.nextDueAt ? t(access.overdue ? 'status.accessOverdue' : 'status.accessDue', { at: format.date(access.nextDueAt) }) : t('status.accessNever')}{' '}
              <Link href="/review/access">{t('status.accessOpen')}</Link>
            </Alert>
          </Stack>
          <Stack spacing={2}>
            <OverviewCharts data={{ actions, codes, errors, cardStates }} />
          </Stack>
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

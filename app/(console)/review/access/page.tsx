import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { AccessReviewTable, SignOffHistory } from '@/components/review/access-review-table';
import { SignOffForm } from '@/components/review/sign-off-form';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { localeFormat } from '@/lib/format/locale-format';
import { getAccessReview, listAccessReviewSignOffs } from '@/lib/review/access-review';
import { recordReviewRead } from '@/lib/review/audit';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { signOffAccessReviewAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.access');
  return { title: t('title') };
}

export default async function AccessReviewPage() {
  const operator = await requirePagePermission('review.read', '/review/access');
  const t = await getTranslations('review.access');
  const format = localeFormat(await getLocale());
  await recordReviewRead(operator, 'access-review');
  const [review, signOffs] = await Promise.all([getAccessReview(), listAccessReviewSignOffs({ limit: 10 })]);
  const last = review.lastSignOff;

  return (
    <ClientMessages page="(console)/review/access">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('intro', { days: review.dormantDays })}
          </Typography>
          <Alert severity={review.overdue ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="access-review-schedule">
            {last ? t('lastSignOff', { at: format.dateTime(last.signedAt), operator: last.signedByEmail }) : t('neverSignedOff')}{' '}
            {review.nextDueAt && t('nextDue', { at: format.date(review.nextDueAt) })} {review.overdue && <strong>{t('overdue')}</strong>}
          </Alert>
          <AccessReviewTable operators={review.operators} dormantDays={review.dormantDays} />
          {can(operator.roles, 'review.manage') && (
            <Paper variant="outlined" component="section" aria-labelledby="sign-off" sx={{ p: 2, mt: 3 }}>
              <Typography id="sign-off" variant="h6" component="h2" gutterBottom>
                {t('signOff.title')}
              </Typography>
              <SignOffForm signOff={signOffAccessReviewAction.bind(null, review.snapshotHash)} />
            </Paper>
          )}
          {signOffs.length > 0 && (
            <>
              <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
                {t('history.title')}
              </Typography>
              <SignOffHistory signOffs={signOffs} />
            </>
          )}
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { AccessReviewTable } from '@/components/review/access-review-table';
import { requirePagePermission } from '@/lib/auth/access';
import { localeFormat } from '@/lib/format/locale-format';
import { getAccessReviewSignOff } from '@/lib/review/access-review';
import { recordReviewRead } from '@/lib/review/audit';
import { reviewSettings } from '@/lib/review/settings';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.access.signOffPage');
  return { title: t('title') };
}

/** One sign-off with the operator list exactly as its reviewer saw and attested it. */
export default async function AccessReviewSignOffPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const operator = await requirePagePermission('review.read', `/review/access/sign-offs/${encodeURIComponent(rawId)}`);
  const id = Number(rawId);
  if (!/^[1-9]\d{0,15}$/.test(rawId) || !Number.isSafeInteger(id)) notFound();
  await recordReviewRead(operator, 'access-review-sign-off', { signOffId: id });
  const signOff = await getAccessReviewSignOff(id);
  if (!signOff) notFound();
  const t = await getTranslations('review.access');
  const format = localeFormat(await getLocale());

  return (
    <ClientMessages page="(console)/review/access/sign-offs/[id]">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('signOffPage.heading', { at: format.dateTime(signOff.signedAt) })}
          </Typography>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <Typography variant="body2" gutterBottom>
              {t('signOffPage.by', { operator: signOff.signedByEmail, operators: signOff.operatorCount, flagged: signOff.flaggedCount })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="sign-off-comment">
              {signOff.comment}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
              {t('signOffPage.snapshot', { hash: signOff.snapshotHash })}
            </Typography>
          </Paper>
          <AccessReviewTable operators={signOff.snapshot} dormantDays={reviewSettings().accessReview.dormantDays} />
          <Button href="/review/access" sx={{ mt: 2 }}>
            {t('signOffPage.back')}
          </Button>
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

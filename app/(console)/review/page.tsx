import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PageLinks } from '@/components/audit/page-links';
import { FindingsFilters } from '@/components/review/findings-filters';
import { FindingsList } from '@/components/review/findings-list';
import { FindingsRunsTable } from '@/components/review/findings-runs-table';
import { RunFindingsButton } from '@/components/review/run-findings-button';
import { auditQueryString } from '@/lib/audit/filters';
import { requirePagePermission } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { localeFormat } from '@/lib/format/locale-format';
import { recordReviewRead } from '@/lib/review/audit';
import { evidenceFilters } from '@/lib/review/evidence-filters';
import { listFindingHistories, listFindings, parseFindingsQuery, type RawFindingsQuery } from '@/lib/review/findings';
import { findingsReviewStatus, listFindingsRuns } from '@/lib/review/runs';
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { changeFindingStatusAction, runFindingsAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review.findings');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The findings page's URL with its filters (and a page cursor). */
function findingsHref(raw: RawFindingsQuery, cursor?: string): string {
  const params = new URLSearchParams(Object.entries(raw).filter((entry): entry is [string, string] => !!entry[1]));
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `/review?${text}` : '/review';
}

/** The latest runs listed under the last one: enough to see that the schedule keeps up. */
const RECENT_RUNS = 10;

/** A filter the form can show: one value of its list (a hand-made list of several shows as "any"). */
const single = (value: string | undefined) => (value && !value.includes(',') ? value : undefined);

export default async function FindingsPage({ searchParams }: { searchParams: SearchParams }) {
  const operator = await requirePagePermission('review.read', '/review');
  const t = await getTranslations('review.findings');
  const format = localeFormat(await getLocale());
  const query = parseFindingsQuery(await searchParams);
  const mayManage = can(operator.roles, 'review.manage');
  await recordReviewRead(operator, 'findings', { filters: query.raw });
  const [page, status, broken, runs] = await Promise.all([
    query.ok ? listFindings(query.query, { cursor: query.cursor }) : null,
    findingsReviewStatus(),
    listFindings({ rule: 'audit-chain-broken', status: ['open', 'acknowledged'] }, { limit: 1 }),
    listFindingsRuns({ limit: RECENT_RUNS }),
  ]);
  const histories = await listFindingHistories(page?.rows.map((finding) => finding.id) ?? []);
  const lastRun = status.lastRun;
  const lastCompleted = status.lastCompleted;

  return (
    <ClientMessages page="(console)/review">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {status.intervalMinutes > 0 ? t('intro', { minutes: status.intervalMinutes }) : t('introNoSchedule')}
          </Typography>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-label={t('run')}>
            <Stack spacing={1}>
              <Typography variant="body2" data-testid="last-run">
                {lastRun ? t('lastRun', { at: format.dateTime(lastRun.startedAt), status: t(`runStatuses.${lastRun.status}`) }) : t('neverRun')}
              </Typography>
              {status.overdue && <Alert severity="warning">{t('overdue')}</Alert>}
              {broken.rows.length > 0 ? (
                <Alert severity="error">{t('chainBroken')}</Alert>
              ) : lastCompleted?.chainChecked != null ? (
                <Alert severity="success">{t('chainOk', { checked: format.count(lastCompleted.chainChecked) })}</Alert>
              ) : (
                <Alert severity="info">{t('chainUnknown')}</Alert>
              )}
              {mayManage && <RunFindingsButton run={runFindingsAction} />}
              {runs.length > 0 && (
                <Box component="details" data-testid="findings-runs">
                  <Typography component="summary" variant="body2" sx={{ cursor: 'pointer' }}>
                    {t('runs.title')}
                  </Typography>
                  <Box sx={{ mt: 1 }}>
                    <FindingsRunsTable runs={runs} />
                  </Box>
                </Box>
              )}
            </Stack>
          </Paper>
          <FindingsFilters values={{ status: single(query.raw.status), severity: single(query.raw.severity), rule: query.raw.rule }} />
          {!query.ok && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {t('invalid', { names: query.invalid.map((name) => t(`names.${name}`)).join(', ') })}
            </Alert>
          )}
          {page && (
            <>
              <FindingsList
                findings={page.rows.map((finding) => ({
                  ...finding,
                  evidenceHref: `/audit${auditQueryString(evidenceFilters(finding))}`,
                  history: histories.get(finding.id) ?? [],
                  changeStatus: mayManage ? changeFindingStatusAction.bind(null, finding.id, finding.status) : undefined,
                }))}
              />
              <PageLinks
                label={t('pages.label')}
                first={query.ok && query.cursor ? { href: findingsHref(query.raw), label: t('pages.first') } : null}
                next={page.nextCursor ? { href: findingsHref(query.raw, page.nextCursor), label: t('pages.next') } : null}
              />
            </>
          )}
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

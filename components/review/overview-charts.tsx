'use client';
import type { ReactNode } from 'react';
import NextLink from 'next/link';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { useAuditWords } from '@/components/audit/use-audit-words';
import { NO_RESULT_CODE } from '@/lib/domain/audit';
import { decodeBizStatus } from '@/lib/domain/card-status';
import { explainCode } from '@/lib/domain/result-codes';
import type { ActionsPerDay, CardStateCount, ErrorCount, ResultCodesPerDay } from '@/lib/domain/review';

export interface OverviewData {
  actions: ActionsPerDay;
  codes: ResultCodesPerDay;
  cardStates: CardStateCount[];
  errors: ErrorCount[];
}

const CHART_HEIGHT = 280;
/** `YYYY-MM-DD` → `MM-DD`: the axis has room for the day, the tables say the year. */
const shortDay = (day: string) => day.slice(5);

/** The audit trail filtered to what a figure counts (sign-ins included: the charts count them). */
function auditHref(filters: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  params.set('signIns', 'show');
  return `/audit?${params}`;
}

/** One chart: its title (a heading), its description, the chart, and its figures with links to the trail. */
function ChartFigure({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    // The chart's own title and desc props label a role="none" element (axe: aria-prohibited-attr):
    // the figure is labelled and described here instead, and its table holds the figures.
    <Paper component="figure" variant="outlined" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} sx={{ p: 2, m: 0 }} data-testid={id}>
      <Typography id={`${id}-title`} variant="h6" component="h2">
        {title}
      </Typography>
      <Typography id={`${id}-description`} variant="body2" color="text.secondary" component="figcaption" sx={{ mb: 1 }}>
        {description}
      </Typography>
      {children}
    </Paper>
  );
}

/** The overview: actions per day by outcome, result codes over time, card states seen, frequent errors. */
export function OverviewCharts({ data }: { data: OverviewData }) {
  const { actions, codes, cardStates, errors } = data;
  const t = useTranslations('review.overview');
  const codeWords = useTranslations('resultCodes');
  const cardWords = useTranslations('cards');
  // A business status in the card list's words, its code kept: "31 · Suspended: lost".
  const statusText = (bizStatus: string) => {
    if (bizStatus === 'unknown') return t('cardStates.unknown');
    const { words } = decodeBizStatus(bizStatus);
    return words ? `${bizStatus} · ${cardWords(words)}` : bizStatus;
  };
  const words = useAuditWords();
  const format = useLocaleFormat();
  const from = actions.days[0];
  const to = actions.days[actions.days.length - 1];
  const outcomes = Object.keys(actions.byOutcome).filter((outcome) => actions.byOutcome[outcome]!.some((n) => n > 0));
  const number = (value: number, href: string | null, label: string) =>
    value > 0 && href ? (
      <Link component={NextLink} href={href} aria-label={label}>
        {format.count(value)}
      </Link>
    ) : (
      format.count(value)
    );

  return (
    <>
      <ChartFigure id="chart-actions" title={t('actions.title')} description={t('actions.description')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: actions.days.map(shortDay) }]}
          series={outcomes.map((outcome) => ({ data: actions.byOutcome[outcome]!, label: words.outcome(outcome), stack: 'outcome' }))}
        />
        <Table size="small" aria-label={t('actions.title')} data-testid="actions-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('actions.day')}</TableCell>
              {outcomes.map((outcome) => (
                <TableCell key={outcome} align="right">
                  {words.outcome(outcome)}
                </TableCell>
              ))}
              <TableCell align="right">{t('actions.total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actions.days.map((day, i) => (
              <TableRow key={day} data-day={day}>
                <TableCell>{format.date(`${day}T12:00:00+09:00`)}</TableCell>
                {outcomes.map((outcome) => (
                  <TableCell key={outcome} align="right" data-outcome={outcome}>
                    {number(actions.byOutcome[outcome]![i]!, auditHref({ from: day, to: day, outcome }), `${day} ${words.outcome(outcome)}`)}
                  </TableCell>
                ))}
                <TableCell align="right" data-outcome="total">
                  {number(actions.total[i]!, auditHref({ from: day, to: day }), `${day} ${t('actions.total')}`)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ChartFigure>

      <ChartFigure id="chart-codes" title={t('codes.title')} description={t('codes.description')}>
        {codes.codes.length === 0 ? (
          <Typography color="text.secondary">{t('codes.empty')}</Typography>
        ) : (
          <>
            <LineChart
              height={CHART_HEIGHT}
              xAxis={[{ scaleType: 'point', data: codes.days.map(shortDay) }]}
              series={codes.codes.map((code) => ({ data: codes.series[code]!, label: code === 'other' ? t('codes.other') : code }))}
            />
            <Table size="small" aria-label={t('codes.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('errors.code')}</TableCell>
                  <TableCell align="right">{t('errors.events')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {codes.codes.map((code) => {
                  const total = codes.series[code]!.reduce((sum, n) => sum + n, 0);
                  return (
                    <TableRow key={code}>
                      <TableCell sx={{ fontFamily: code === 'other' ? undefined : 'monospace' }}>{code === 'other' ? t('codes.other') : code}</TableCell>
                      <TableCell align="right">{number(total, code === 'other' ? null : auditHref({ from, to, code }), code)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </ChartFigure>

      <ChartFigure id="chart-card-states" title={t('cardStates.title')} description={t('cardStates.description')}>
        {cardStates.length === 0 ? (
          <Typography color="text.secondary">{t('cardStates.empty')}</Typography>
        ) : (
          <>
            <BarChart
              height={CHART_HEIGHT}
              xAxis={[{ scaleType: 'band', data: cardStates.map((s) => (s.bizStatus === 'unknown' ? t('cardStates.unknown') : s.bizStatus)) }]}
              series={[{ data: cardStates.map((s) => s.cards), label: t('cardStates.cards') }]}
              hideLegend
            />
            <Table size="small" aria-label={t('cardStates.title')} data-testid="card-states-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('cardStates.status')}</TableCell>
                  <TableCell align="right">{t('cardStates.cards')}</TableCell>
                  <TableCell>{t('cardStates.seen')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {cardStates.map((state) => {
                  const status = statusText(state.bizStatus);
                  return (
                    <TableRow key={state.bizStatus} data-status={state.bizStatus}>
                      <TableCell>{status}</TableCell>
                      <TableCell align="right">{format.count(state.cards)}</TableCell>
                      <TableCell>
                        <Link component={NextLink} href={auditHref({ from, to, cardState: state.bizStatus })} aria-label={t('cardStates.seenIn', { status })}>
                          {t('cardStates.open')}
                        </Link>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </ChartFigure>

      <ChartFigure id="chart-errors" title={t('errors.title')} description={t('errors.description')}>
        {errors.length === 0 ? (
          <Typography color="text.secondary">{t('errors.empty')}</Typography>
        ) : (
          <>
            <BarChart
              height={CHART_HEIGHT}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: errors.map((e) => e.resultCode ?? t('errors.noCode')), width: 90 }]}
              series={[{ data: errors.map((e) => e.events), label: t('errors.events') }]}
              hideLegend
            />
            <Table size="small" aria-label={t('errors.title')} data-testid="errors-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('errors.code')}</TableCell>
                  <TableCell>{t('errors.outcome')}</TableCell>
                  <TableCell align="right">{t('errors.events')}</TableCell>
                  <TableCell>{t('errors.meaning')}</TableCell>
                  <TableCell>{t('errors.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {errors.map((error) => {
                  const known = explainCode(error.resultCode ?? undefined);
                  return (
                    <TableRow key={`${error.resultCode}-${error.outcome}`} data-code={error.resultCode ?? ''}>
                      <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{error.resultCode ?? t('errors.noCode')}</TableCell>
                      <TableCell>{words.outcome(error.outcome)}</TableCell>
                      <TableCell align="right">
                        {number(
                          error.events,
                          auditHref({
                            from,
                            to,
                            code: error.resultCode ?? NO_RESULT_CODE,
                            outcome: error.outcome,
                            action: error.actions.length === 1 ? error.actions[0] : undefined,
                          }),
                          `${error.resultCode ?? t('errors.noCode')} ${words.outcome(error.outcome)}`,
                        )}
                      </TableCell>
                      <TableCell>{known ? codeWords(`${known.code}.meaning`) : t('errors.unexplained')}</TableCell>
                      <TableCell>{error.actions.map(words.action).join(', ')}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </ChartFigure>
    </>
  );
}

'use client';
import { useState } from 'react';
import NextLink from 'next/link';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { FINDING_STATUS_TRANSITIONS, type FindingEventView, type FindingStatus, type FindingView } from '@/lib/domain/review';
import { CommentForm, type CommentAction } from './comment-form';
import { FindingWhy } from './finding-why';
import { FindingStatusChip, SeverityChip } from './severity-chip';

export interface ListedFinding extends FindingView {
  /** The audit trail filtered to the finding's evidence. */
  evidenceHref: string;
  /** Its status changes with their comments, oldest first. */
  history: FindingEventView[];
  /** Bound to the finding and the status shown; absent for roles that may only read. */
  changeStatus?: CommentAction;
}

/** The findings queue: each finding with its evidence, status and (for management) its status change. */
export function FindingsList({ findings }: { findings: ListedFinding[] }) {
  const t = useTranslations('review.findings');
  if (findings.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography color="text.secondary">{t('empty')}</Typography>
      </Paper>
    );
  }
  return (
    <Stack component="ul" aria-label={t('listLabel')} spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {findings.map((finding) => (
        <FindingItem key={finding.id} finding={finding} />
      ))}
    </Stack>
  );
}

function FindingItem({ finding }: { finding: ListedFinding }) {
  const t = useTranslations('review');
  const format = useLocaleFormat();
  const [to, setTo] = useState<FindingStatus | null>(null);
  // The page shows the finding anew after a change: the form closes, and the change is said.
  const [shownStatus, setShownStatus] = useState(finding.status);
  const [changed, setChanged] = useState(false);
  if (shownStatus !== finding.status) {
    setShownStatus(finding.status);
    setChanged(true);
    setTo(null);
  }
  const headingId = `finding-${finding.id}`;
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2 }} data-testid="finding" data-finding-id={finding.id} aria-labelledby={headingId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <SeverityChip severity={finding.severity} />
        <FindingStatusChip status={finding.status} />
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t(`rules.${finding.rule}`)}
        </Typography>
      </Stack>
      <FindingWhy finding={finding} />
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 1.5, '& dd': { m: 0 } }}>
        <Typography component="dt" variant="body2" color="text.secondary">
          {t(`subjectKinds.${finding.subjectKind}`)}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {finding.subjectLabel ?? finding.subject}
        </Typography>
        <Typography component="dt" variant="body2" color="text.secondary">
          {t('findings.windowLabel')}
        </Typography>
        <Typography component="dd" variant="body2">
          {t('findings.window', { start: format.dateTime(finding.windowStart), end: format.dateTime(finding.windowEnd) })}
        </Typography>
      </Box>
      <Typography variant="body2">
        <Link component={NextLink} href={finding.evidenceHref} data-testid="finding-evidence">
          {t('findings.evidence', { count: finding.evidenceCount })}
        </Link>
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t('findings.detected', { first: format.dateTime(finding.firstDetectedAt), last: format.dateTime(finding.lastDetectedAt) })}
        {finding.statusChangedAt &&
          ` · ${t('findings.changedBy', { status: t(`statuses.${finding.status}`), operator: finding.statusChangedByEmail ?? '', at: format.dateTime(finding.statusChangedAt) })}`}
      </Typography>
      {finding.history.length > 0 && <FindingHistory history={finding.history} />}
      <div aria-live="polite">
        {changed && (
          <Alert severity="success" sx={{ mt: 1.5 }}>
            {t('change.done', { id: finding.id, status: t(`statuses.${finding.status}`) })}
          </Alert>
        )}
      </div>
      {finding.changeStatus && (
        <Box sx={{ mt: 1.5 }}>
          {to ? (
            <CommentForm
              key={to}
              action={finding.changeStatus}
              hidden={{ to }}
              label={t('change.comment')}
              hint={t('change.commentHint')}
              submitLabel={t(`change.${to}`)}
              onCancel={() => setTo(null)}
              cancelLabel={t('change.cancel')}
              autoFocus
            />
          ) : (
            <Stack direction="row" spacing={1}>
              {FINDING_STATUS_TRANSITIONS[finding.status].map((next) => (
                <Button key={next} variant="outlined" size="small" onClick={() => setTo(next)}>
                  {t(`change.${next}`)}
                </Button>
              ))}
            </Stack>
          )}
        </Box>
      )}
    </Paper>
  );
}

/** The status changes with their comments: collapsed to one line, the rest on demand. */
function FindingHistory({ history }: { history: FindingEventView[] }) {
  const t = useTranslations('review');
  const format = useLocaleFormat();
  return (
    <Box component="details" sx={{ mt: 1, '& summary': { cursor: 'pointer', typography: 'body2' } }} data-testid="finding-history">
      <summary>{t('findings.history.label', { count: history.length })}</summary>
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', pl: 2, my: 1 }}>
        {history.map((change) => (
          <li key={change.id}>
            <Typography variant="caption" color="text.secondary" component="p">
              {t('findings.history.change', {
                at: format.dateTime(change.at),
                operator: change.operatorEmail,
                from: t(`statuses.${change.fromStatus}`),
                to: t(`statuses.${change.toStatus}`),
              })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {change.comment}
            </Typography>
          </li>
        ))}
      </Stack>
    </Box>
  );
}

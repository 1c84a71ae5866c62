'use client';
import NextLink from 'next/link';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CardStateTimelineEntry, StateChange } from '@/lib/audit/card-state-history';
import { formatDateTime } from '@/lib/format/date';
import { actionLabel } from './audit-table';
import { OutcomeChip } from './outcome-chip';

export function ChangeList({ changes, first }: { changes: StateChange[]; first: boolean }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {changes.map((c) => (
        <li key={c.field}>
          <Typography variant="body2" component="span">
            {c.label}:{' '}
            {first ? (
              <strong>{c.to ?? '—'}</strong>
            ) : (
              <>
                <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
                  {c.from ?? '—'}
                </Box>{' '}
                → <strong>{c.to ?? '—'}</strong>
              </>
            )}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * The states a card has been in as the console saw them, newest first, each with the
 * operator actions that happened around it (see getCardStateTimeline). Props: its rows.
 */
export function CardStateTimeline({ entries, title = 'State history' }: { entries: CardStateTimelineEntry[]; title?: string }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">No state recorded for this card yet.</Typography>
      ) : (
        <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: 2, borderColor: 'divider', pl: 2 }}>
          {entries.map((entry) => (
            <Paper component="li" key={entry.id} variant="outlined" sx={{ p: 1.5 }} data-testid="card-state-entry">
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <Typography variant="subtitle2" component="time" dateTime={entry.observedAt}>
                  {formatDateTime(entry.observedAt)}
                </Typography>
                {entry.first && <Chip size="small" label="first seen" />}
                <Chip size="small" variant="outlined" label={`biz ${entry.state.bizStatus ?? '—'} · life ${entry.state.lifeStatus ?? '—'}`} />
              </Stack>
              <ChangeList changes={entry.changes} first={entry.first} />
              {entry.actions.length > 0 && (
                <Box sx={{ mt: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    Operator actions {entry.first ? 'before it was first seen' : 'since the previous state'}:
                  </Typography>
                  {entry.actions.map((a) => (
                    <Stack key={a.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <Typography variant="body2">
                        {formatDateTime(a.at)} · {actionLabel(a.action)} by {a.operatorEmail ?? 'system'}
                      </Typography>
                      <OutcomeChip outcome={a.outcome} />
                      {a.resultCode && (
                        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                          {a.resultCode}
                        </Typography>
                      )}
                      {a.correlationId && (
                        <Link component={NextLink} href={`/audit?correlationId=${encodeURIComponent(a.correlationId)}`} variant="caption">
                          {a.correlationId}
                        </Link>
                      )}
                    </Stack>
                  ))}
                </Box>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Box>
  );
}

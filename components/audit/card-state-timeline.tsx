'use client';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { CardStateTimelineEntry } from '@/lib/domain/audit';
import { AuditEventSummary } from './event-summary';
import { CardStatusChips, ChangeList } from './state-changes';

/**
 * The states a card has been in as the console saw them, newest first, each with the
 * operator actions that happened around it (see getCardStateTimeline). Props: its rows, and
 * a title other than "State history".
 */
export function CardStateTimeline({ entries, title }: { entries: CardStateTimelineEntry[]; title?: string }) {
  const t = useTranslations('audit.cardState');
  const format = useLocaleFormat();
  const heading = title ?? t('title');
  return (
    <Box component="section" aria-label={heading}>
      <Typography variant="h6" component="h2" gutterBottom>
        {heading}
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">{t('empty')}</Typography>
      ) : (
        <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: 2, borderColor: 'divider', pl: 2 }}>
          {entries.map((entry) => (
            <Paper component="li" key={entry.id} variant="outlined" sx={{ p: 1.5 }} data-testid="card-state-entry">
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <Typography variant="subtitle2" component="time" dateTime={entry.at}>
                  {format.dateTime(entry.at)}
                </Typography>
                {entry.first && <Chip size="small" label={t('firstSeen')} />}
                <CardStatusChips state={entry.state} />
              </Stack>
              <ChangeList changes={entry.changes} first={entry.first} />
              {entry.actions.length > 0 && (
                <Box sx={{ mt: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    {entry.first ? t('actionsBeforeFirst') : t('actionsSincePrevious')}
                  </Typography>
                  {entry.actions.map((action) => (
                    <Stack key={action.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <AuditEventSummary event={action} withTime />
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

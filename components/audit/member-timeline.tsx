'use client';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { MemberTimelineItem } from '@/lib/domain/audit';
import type { MemberNote } from '@/lib/domain/member-note';
import { MemberNoteText } from '@/components/members/member-notes';
import { AuditEventSummary } from './event-summary';
import { summaryText } from './outcome-chip';
import { ChangeList } from './state-changes';

/** A timeline entry: an audit event, a card-state change, or a note left on the member. */
export type MemberTimelineEntry = MemberTimelineItem | (MemberNote & { kind: 'note'; key: string });

/** A member's actions, card-state changes and notes, merged, newest first. */
export function MemberTimeline({ items }: { items: MemberTimelineEntry[] }) {
  const t = useTranslations('audit.memberTimeline');
  const tNotes = useTranslations('members.notes');
  const format = useLocaleFormat();
  if (items.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography color="text.secondary">{t('empty')}</Typography>
      </Paper>
    );
  }
  return (
    <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('label')}>
      {items.map((item) => (
        <Paper component="li" key={item.key} variant="outlined" sx={{ p: 1.5 }} data-testid={`timeline-${item.kind}`}>
          {item.kind === 'note' ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <Chip size="small" color="info" variant="outlined" label={tNotes('timelineChip')} />
              <div>
                <MemberNoteText note={item} />
              </div>
            </Stack>
          ) : (
            <>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle2" component="time" dateTime={item.at} sx={{ minWidth: 130 }}>
                  {format.dateTime(item.at)}
                </Typography>
                {item.kind === 'action' ? (
                  <>
                    <Chip size="small" color="primary" variant="outlined" label={t('action')} />
                    <AuditEventSummary event={item} withCardRef />
                  </>
                ) : (
                  <>
                    <Chip size="small" color="secondary" variant="outlined" label={item.first ? t('cardFirstSeen') : t('cardState')} />
                    <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                      {item.par}
                    </Typography>
                  </>
                )}
              </Stack>
              {item.kind === 'action' && item.requestSummary && (
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
                  {summaryText(item.requestSummary, 200)}
                </Typography>
              )}
              {item.kind === 'state' && <ChangeList changes={item.changes} first={item.first} />}
            </>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

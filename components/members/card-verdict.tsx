'use client';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import type { StatusTone } from '@/lib/domain/card-status';
import { verdictValues, type CardVerdict } from '@/lib/domain/card-verdict';

// The colour is on a dot only: coloured text would fail contrast on the light theme. (A dot, not
// an icon: the card list has a first-load budget.)
const DOT: Record<StatusTone, string> = { normal: 'success.main', suspended: 'warning.main', deleted: 'error.main', info: 'info.main' };

/** A card's verdict in words (lib/domain/card-verdict.ts), said before its status chips. */
export function CardVerdictLine({ verdict }: { verdict: CardVerdict }) {
  const t = useTranslations('cards.verdict');
  const format = useLocaleFormat();
  const values = verdictValues(verdict);
  const since = verdict.kind === 'suspendedLost' && verdict.since ? format.date(verdict.since) : values.since;
  return (
    <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }} data-testid="card-verdict" data-verdict={verdict.kind}>
      <Box component="span" aria-hidden sx={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', bgcolor: DOT[verdict.tone], mr: 0.75 }} />
      {t(verdict.kind, { ...values, ...(since ? { since } : {}) })}
    </Typography>
  );
}

'use client';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { StatusChip, useStatusWords } from '@/components/members/status-chip';
import type { CardStateField, CardStateSnapshot, StateChange } from '@/lib/domain/audit';
import { describeCardStateValue } from './card-state-value';

/** A recorded value in words (states as chips, amounts in won); the stored value on hover for QA. */
export function CardStateValueText({ field, value, prefix }: { field: CardStateField; value: string | null | undefined; prefix?: string }) {
  const format = useLocaleFormat();
  const described = describeCardStateValue(field, value, format, useStatusWords());
  if (described.status) return <StatusChip status={described.status} prefix={prefix} />;
  if (described.code === null) return <span>{described.text}</span>;
  return (
    <Tooltip title={`${field} = ${described.code}`}>
      <Box component="strong" aria-label={`${described.text} (${field} ${described.code})`}>
        {described.text}
      </Box>
    </Tooltip>
  );
}

/** The headline of a recorded state: its business and life status. */
export function CardStatusChips({ state }: { state: CardStateSnapshot }) {
  const t = useTranslations('audit.cardState.prefixes');
  return (
    <>
      <CardStateValueText field="bizStatus" value={state.bizStatus} prefix={t('bizStatus')} />
      <CardStateValueText field="lifeStatus" value={state.lifeStatus} prefix={t('lifeStatus')} />
    </>
  );
}

/** What changed in one recorded state: "Business status: Suspended: lost → Suspended: reissued". */
export function ChangeList({ changes, first }: { changes: StateChange[]; first: boolean }) {
  const t = useTranslations('audit.cardState.fields');
  return (
    <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, mt: 0.5, p: 0 }}>
      {changes.map((change) => (
        <Stack component="li" key={change.field} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span">
            {t(change.field)}:
          </Typography>
          {!first && (
            <>
              <Box component="span" sx={{ opacity: 0.6 }}>
                <CardStateValueText field={change.field} value={change.from} />
              </Box>
              <span>→</span>
            </>
          )}
          <CardStateValueText field={change.field} value={change.to} />
        </Stack>
      ))}
    </Stack>
  );
}

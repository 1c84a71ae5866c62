'use client';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { StatusChip } from '@/components/members/status-chip';
import { CARD_STATE_FIELD_LABELS, type CardStateField, type CardStateSnapshot, type StateChange } from '@/lib/domain/audit';
import { describeCardStateValue } from './card-state-value';

/** A recorded value in words (states as chips, amounts in won); the stored value on hover for QA. */
export function CardStateValueText({ field, value, prefix }: { field: CardStateField; value: string | null | undefined; prefix?: string }) {
  const described = describeCardStateValue(field, value);
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
  return (
    <>
      <CardStateValueText field="bizStatus" value={state.bizStatus} prefix="Business" />
      <CardStateValueText field="lifeStatus" value={state.lifeStatus} prefix="Life" />
    </>
  );
}

/** What changed in one recorded state: "Business status: Suspended: lost → Suspended: reissued". */
export function ChangeList({ changes, first }: { changes: StateChange[]; first: boolean }) {
  return (
    <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, mt: 0.5, p: 0 }}>
      {changes.map((change) => (
        <Stack component="li" key={change.field} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span">
            {CARD_STATE_FIELD_LABELS[change.field]}:
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

'use client';
import { useState, useTransition } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/domain/action-state';
import { describeFaults, describeFaultTarget, FAULT_TARGETS, type Fault } from '@/lib/qa/faults';

type Kind = Fault['kind'];
const KINDS = ['latency', 'http-5xx', 'drop', 'malformed-json', 'plaintext-answer'] as const satisfies readonly Kind[];

export function FaultSwitches({
  faults,
  switchFault,
  reset,
}: {
  faults: Record<string, Fault>;
  switchFault: (input: unknown) => Promise<ActionState>;
  reset: () => Promise<ActionState>;
}) {
  const t = useTranslations('qa.faults');
  const [target, setTarget] = useState<(typeof FAULT_TARGETS)[number]>('card-list');
  const [kind, setKind] = useState<Kind>('http-5xx');
  const [ms, setMs] = useState('3000');
  const [status, setStatus] = useState('503');
  const [result, setResult] = useState<ActionState>();
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionState>) => startTransition(async () => setResult(await call()));
  const fault = (): Fault =>
    kind === 'latency' ? { kind, ms: Number(ms) } : kind === 'http-5xx' ? { kind, status: Number(status) as 500 | 502 | 503 } : { kind };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t('title')}>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('title')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField select label={t('endpoint')} value={target} onChange={(e) => setTarget(e.target.value as typeof target)} sx={{ minWidth: 200 }}>
          {FAULT_TARGETS.map((option) => (
            <MenuItem key={option} value={option}>
              {describeFaultTarget(option, t)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('fault')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} sx={{ minWidth: 200 }}>
          {KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        {kind === 'latency' && <TextField label={t('milliseconds')} value={ms} onChange={(e) => setMs(e.target.value)} sx={{ width: 140 }} />}
        {kind === 'http-5xx' && (
          <TextField select label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)} sx={{ width: 120 }}>
            {['500', '502', '503'].map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button variant="contained" color="warning" disabled={pending} onClick={() => run(() => switchFault({ target, fault: fault() }))}>
          {t('switchOn')}
        </Button>
        <Button variant="outlined" disabled={pending} onClick={() => run(() => switchFault({ target, fault: null }))}>
          {t('switchOff')}
        </Button>
        <Button color="error" disabled={pending} onClick={() => run(reset)}>
          {t('reset')}
        </Button>
      </Stack>
      <div aria-live="polite">
        {result?.status === 'ok' && <Alert severity="success">{result.message}</Alert>}
        {result && result.status !== 'ok' && result.status !== 'idle' && <Alert severity="error">{result.message}</Alert>}
      </div>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="faults-on">
        {Object.keys(faults).length === 0 ? t('none') : t('on', { list: describeFaults(faults, t) })}
      </Typography>
    </Paper>
  );
}

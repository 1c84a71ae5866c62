'use client';
import { useState, useTransition } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ActionState } from '@/lib/domain/action-state';
import { describeFault, FAULT_TARGETS, type Fault } from '@/lib/qa/faults';

type Kind = Fault['kind'];

export function FaultSwitches({
  faults,
  switchFault,
  reset,
}: {
  faults: Record<string, Fault>;
  switchFault: (input: unknown) => Promise<ActionState>;
  reset: () => Promise<ActionState>;
}) {
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
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Fault switches">
      <Typography variant="h6" component="h2" gutterBottom>
        Fault switches
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField select label="Endpoint" value={target} onChange={(e) => setTarget(e.target.value as typeof target)} sx={{ minWidth: 200 }}>
          {FAULT_TARGETS.map((t) => (
            <MenuItem key={t} value={t}>
              {t === '*' ? 'every endpoint' : t}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Fault" value={kind} onChange={(e) => setKind(e.target.value as Kind)} sx={{ minWidth: 200 }}>
          <MenuItem value="latency">Latency</MenuItem>
          <MenuItem value="http-5xx">HTTP 5xx</MenuItem>
          <MenuItem value="drop">Dropped connection</MenuItem>
          <MenuItem value="malformed-json">Malformed JSON</MenuItem>
          <MenuItem value="plaintext-answer">Unencrypted answer (downgrade)</MenuItem>
        </TextField>
        {kind === 'latency' && <TextField label="Milliseconds" value={ms} onChange={(e) => setMs(e.target.value)} sx={{ width: 140 }} />}
        {kind === 'http-5xx' && (
          <TextField select label="Status" value={status} onChange={(e) => setStatus(e.target.value)} sx={{ width: 120 }}>
            {['500', '502', '503'].map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button variant="contained" color="warning" disabled={pending} onClick={() => run(() => switchFault({ target, fault: fault() }))}>
          Switch on
        </Button>
        <Button variant="outlined" disabled={pending} onClick={() => run(() => switchFault({ target, fault: null }))}>
          Switch off
        </Button>
        <Button color="error" disabled={pending} onClick={() => run(reset)}>
          Reset the sandbox
        </Button>
      </Stack>
      <div aria-live="polite">
        {result?.status === 'ok' && <Alert severity="success">{result.message}</Alert>}
        {result && result.status !== 'ok' && result.status !== 'idle' && <Alert severity="error">{result.message}</Alert>}
      </div>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="faults-on">
        {Object.keys(faults).length === 0
          ? 'No fault is on.'
          : `On: ${Object.entries(faults).map(([t, f]) => `${t === '*' ? 'every endpoint' : t} → ${describeFault(f)}`).join('; ')}`}
      </Typography>
    </Paper>
  );
}

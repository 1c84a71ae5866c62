'use client';
import { useEffect, useId, useState } from 'react';
import useSWR from 'swr';
import { useTranslations } from 'next-intl';
import { IDLE_WARNING_MS, idlePhase, timeLeft, type SessionStatus, type SignOut } from '@/lib/domain/session';
import { Button } from '@/components/primitives/button';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@/components/primitives/dialog';
import primitives from '@/components/primitives/primitives.module.css';

/** One answer of GET /api/session, with the local time it came (the browser's clock may differ from the server's). */
interface Reading {
  status: SessionStatus;
  at: number;
}

async function readStatus(url: string): Promise<Reading> {
  // `manual`: without a session the proxy answers with a redirect to sign-in, not JSON.
  const response = await fetch(url, { cache: 'no-store', redirect: 'manual', headers: { Accept: 'application/json' } });
  if (response.type === 'opaqueredirect' || response.status === 401) return { status: { signedIn: false }, at: Date.now() };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { status: (await response.json()) as SessionStatus, at: Date.now() };
}

/** Sends the browser to sign-in (through the company IdP's logout if it came that way), saying why and coming back here after. */
async function endSession(signOut: SignOut) {
  const { url } = await signOut('idle', window.location.pathname + window.location.search);
  window.location.assign(url);
}

/**
 * PCI DSS 8.2.8 in the browser: the server ends a session after SESSION_IDLE_MINUTES without a
 * request; a minute before that, this dialog offers to stay (a request that counts as use) or
 * to sign out, and when the time is up the browser goes to sign-in. The time left is the
 * server's (activity in another tab counts), read every 30 s without counting as use.
 */
export function IdleTimeout({ staySignedIn, signOut }: { staySignedIn: () => Promise<{ signedIn: boolean }>; signOut: SignOut }) {
  const [now, setNow] = useState(() => Date.now());
  const [staying, setStaying] = useState(false);
  const { data: reading, mutate } = useSWR('/api/session', readStatus, {
    refreshInterval: (latest) => (latest?.status.signedIn && latest.status.remainingMs <= 2 * IDLE_WARNING_MS ? 5_000 : 30_000),
    revalidateOnFocus: true,
    dedupingInterval: 1_000,
  });
  const signedIn = reading?.status.signedIn ?? true;
  // A reading newer than the last tick is as new as it gets.
  const current = Math.max(now, reading?.at ?? 0);
  const remainingMs = reading?.status.signedIn ? reading.status.remainingMs - (current - reading.at) : Infinity;
  const phase = signedIn ? idlePhase(remainingMs) : 'ended';

  // Wakes when the dialog is due, then every second while it counts down.
  useEffect(() => {
    if (phase === 'ended' || remainingMs === Infinity) return;
    // While counting down: when the whole seconds shown change; before: when the dialog is due.
    const wait = phase === 'warning' ? remainingMs % 1_000 || 1_000 : remainingMs - IDLE_WARNING_MS;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(50, Math.min(wait, 2 ** 31 - 1)));
    return () => window.clearTimeout(timer);
  }, [phase, remainingMs]);

  // Time is up here: ask the server once more (another tab may have kept the session); a fresh
  // answer that it has ended, or none left, sends the browser to sign-in.
  const fresh = reading !== undefined && current - reading.at < 2_000;
  useEffect(() => {
    if (phase !== 'ended') return;
    if (!signedIn || fresh) void endSession(signOut);
    else void mutate();
  }, [phase, signedIn, fresh, mutate, signOut]);

  const stay = async () => {
    setStaying(true);
    try {
      const answer = await staySignedIn();
      if (!answer.signedIn) return endSession(signOut);
      setNow(Date.now());
      await mutate();
    } finally {
      setStaying(false);
    }
  };

  return (
    <IdleDialog
      open={phase === 'warning'}
      remainingMs={remainingMs}
      staying={staying}
      onStay={stay}
      onSignOut={async () => window.location.assign((await signOut('operator')).url)}
    />
  );
}

function IdleDialog({
  open,
  remainingMs,
  staying,
  onStay,
  onSignOut,
}: {
  open: boolean;
  remainingMs: number;
  staying: boolean;
  onStay: () => void;
  onSignOut: () => void;
}) {
  const t = useTranslations('shell.idle');
  const titleId = useId();
  const descriptionId = useId();
  const left = t('timeLeft', timeLeft(remainingMs));
  // Read out when the dialog opens (its description), then again at 30 and 10 seconds only.
  const seconds = Math.ceil(remainingMs / 1000);
  const milestone = seconds <= 10 ? 10 : seconds <= 30 ? 30 : undefined;
  return (
    <Dialog
      open={open}
      // Escape or a click outside is activity too: it keeps the session, like the button.
      onClose={onStay}
      role="alertdialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      width="xs"
      data-testid="idle-dialog"
    >
      <DialogTitle id={titleId}>{t('title')}</DialogTitle>
      <DialogContent>
        <p id={descriptionId} className={`${primitives.muted} ${primitives.dialogText}`}>
          {t.rich('description', { left, strong: (chunks) => <strong data-testid="idle-time-left">{chunks}</strong> })}
        </p>
        <span aria-live="assertive" className={primitives.visuallyHidden}>
          {milestone ? t('milestone', { seconds: milestone }) : ''}
        </span>
      </DialogContent>
      <DialogActions>
        <Button onClick={onSignOut}>{t('signOut')}</Button>
        <Button variant="contained" onClick={onStay} loading={staying} data-autofocus>
          {t('stay')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

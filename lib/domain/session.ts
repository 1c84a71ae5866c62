/**
 * The browser's view of its session's idle timeout (PCI DSS 8.2.8): what GET /api/session
 * answers, and the dialog's phases. Browser-safe.
 */
export type SessionStatus = { signedIn: true; remainingMs: number } | { signedIn: false };

/** The dialog opens this long before the session ends. */
export const IDLE_WARNING_MS = 60_000;

export type IdlePhase = 'active' | 'warning' | 'ended';

/** Where a session stands with `remainingMs` left. */
export function idlePhase(remainingMs: number, warningMs = IDLE_WARNING_MS): IdlePhase {
  if (remainingMs <= 0) return 'ended';
  return remainingMs <= warningMs ? 'warning' : 'active';
}

/** The time left, rounded up to whole seconds (or whole minutes past two): the dialog says it in words (shell.idle.timeLeft). */
export function timeLeft(remainingMs: number): { unit: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return seconds >= 120 ? { unit: 'minutes', count: Math.ceil(seconds / 60) } : { unit: 'seconds', count: seconds };
}

/** Why the browser ends a session: the account menu's two choices, or the idle timeout. */
export type SignOutChoice = 'operator' | 'everywhere' | 'idle';

/** The sign-out server action as the shell calls it: answers where the browser goes next. */
export type SignOut = (choice: SignOutChoice, returnTo?: string) => Promise<{ url: string }>;

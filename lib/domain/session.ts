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

/** "45 seconds", "1 second", "2 minutes": the time left, in words, rounded up to whole seconds (or minutes past two). */
export function timeLeftInWords(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  if (seconds >= 120) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minutes`;
  }
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** Why the browser ends a session: the account menu's two choices, or the idle timeout. */
export type SignOutChoice = 'operator' | 'everywhere' | 'idle';

/** The sign-out server action as the shell calls it: answers where the browser goes next. */
export type SignOut = (choice: SignOutChoice, returnTo?: string) => Promise<{ url: string }>;

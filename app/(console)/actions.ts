'use server';
import { getCurrentOperator } from '@/lib/auth/access';
import { touchSession } from '@/lib/auth/sessions';
import { signOut } from '@/lib/auth/sign-out';
import type { SignOutChoice } from '@/lib/domain/session';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { chooseLocale } from '@/lib/i18n/choose-locale';
import { isLocale } from '@/lib/i18n/locales';

/**
 * The account menu's "Sign out" and "Sign out everywhere", and the idle timeout's end: answers
 * where the browser goes (the company IdP's logout, or sign-in).
 */
export async function signOutAction(reason: SignOutChoice, returnTo?: string): Promise<{ url: string }> {
  const known = reason === 'everywhere' || reason === 'idle' ? reason : 'operator';
  return signOut(known, returnTo === undefined ? undefined : safeRedirectPath(returnTo));
}

/** "Stay signed in" in the idle-timeout dialog: the session counts as used now. */
export async function staySignedIn(): Promise<{ signedIn: boolean }> {
  const operator = await getCurrentOperator();
  if (!operator) return { signedIn: false };
  await touchSession(operator.sessionId);
  return { signedIn: true };
}

/** The language switch (the sign-in page's too). */
export async function chooseLocaleAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  await chooseLocale(locale);
  return { ok: true };
}

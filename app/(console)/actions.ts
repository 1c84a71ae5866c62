'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getCurrentOperator } from '@/lib/auth/access';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { touchSession } from '@/lib/auth/sessions';
import { signOut } from '@/lib/auth/sign-out';
import { memberOfSeenCard } from '@/lib/cards/find-by-par';
import type { ActionState } from '@/lib/domain/action-state';
import type { SignOutChoice } from '@/lib/domain/session';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { chooseLocale } from '@/lib/i18n/choose-locale';
import { isLocale } from '@/lib/i18n/locales';
import { parSchema } from '@/lib/schemas/fields';

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

/**
 * The command palette's PAR: the page of that card, whose member this console has seen
 * (card-state history); Konaplate cannot be asked for a card by its PAR alone.
 */
export const findCardByParAction = protectedAction('cards.view', async (_operator, par: unknown): Promise<ActionState<{ href: string }>> => {
  const parsed = z.object({ par: parSchema }).safeParse({ par });
  if (!parsed.success) return invalidState(parsed.error);
  const memberId = await memberOfSeenCard(parsed.data.par);
  if (!memberId) {
    // Words, not a problem: the palette shows them as they are.
    const message = (await getTranslations('palette'))('notSeen', { par: parsed.data.par });
    return { status: 'invalid', message, fieldErrors: { par: [message] } };
  }
  return { status: 'ok', data: { href: `/members/${memberId}/cards/${parsed.data.par}` } };
});

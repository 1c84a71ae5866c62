'use client';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** The member search's id field: the attribute it carries, or (until it does) its name in the search form. */
export const MEMBER_SEARCH_SELECTOR = '[data-member-search], form[role="search"] input[name="userId"]';

/** Typing there: a key is a character, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/**
 * The console's keys: Ctrl+K (⌘K on a Mac) opens the command palette, anywhere; `/` puts the
 * cursor in the member search, or goes to the search page (whose field takes the focus) on a
 * page without one. `/` is a character while typing in a field, and stays inside an open dialog.
 */
export function useKeyboardShortcuts({ openPalette, memberSearch }: { openPalette: () => void; memberSearch: boolean }) {
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openPalette();
        return;
      }
      if (event.key !== '/' || !memberSearch || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      event.preventDefault();
      const field = document.querySelector<HTMLInputElement>(MEMBER_SEARCH_SELECTOR);
      if (field) {
        field.focus();
        field.select();
      } else {
        router.push('/');
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openPalette, memberSearch, router]);
}

import 'server-only';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { PAGE_CLIENT_NAMESPACES, ROOT_CLIENT_NAMESPACES, type ClientMessagesPage } from './client-namespaces';

type MessageTree = { [key: string]: string | MessageTree };

/**
 * The part of `messages` under `namespaces` (dotted paths, `members.cards`), in the same shape.
 * A namespace the catalogue lacks throws: the browser would show keys instead of words.
 */
export function pickMessages(messages: MessageTree, namespaces: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const namespace of namespaces) {
    const keys = namespace.split('.');
    let from: string | MessageTree | undefined = messages;
    let to = picked;
    keys.forEach((key, i) => {
      from = typeof from === 'object' ? from[key] : undefined;
      if (from === undefined) throw new Error(`no messages under "${namespace}"`);
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as MessageTree;
    });
  }
  return picked;
}

/** The root layout's provider: what the layouts and the error pages need in the browser. */
export async function RootClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages((await getMessages()) as MessageTree, ROOT_CLIENT_NAMESPACES)}>{children}</NextIntlClientProvider>;
}

/**
 * Around a page's content: the messages its client components use, and no others (the table is
 * read from the code, lib/i18n/client-namespaces.ts). A page's provider replaces the root one
 * for what it wraps.
 */
export async function ClientMessages({ page, children }: { page: ClientMessagesPage; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages((await getMessages()) as MessageTree, PAGE_CLIENT_NAMESPACES[page])}>{children}</NextIntlClientProvider>;
}

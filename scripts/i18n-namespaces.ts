/**
 * Which message namespaces each part of the app needs in the browser, read from the code:
 * `npm run i18n:namespaces` writes lib/i18n/client-namespaces.ts, and
 * lib/i18n/client-namespaces.test.ts fails when that file is out of date.
 *
 * The catalogue is 80 kB per language. Handing all of it to every page put it into every
 * page's HTML and cost each render its serialisation (about 6 ms of 18 on an empty page); a page
 * now sends only what its client components ask for. From every page, layout and boundary file
 * under app/, imports are followed through the project's own modules; from the first
 * `'use client'` module on, every `useTranslations('ns')` is a namespace the browser needs.
 *
 * - A page gets its own provider (lib/i18n/client-messages.tsx) with its namespaces.
 * - Layouts and boundaries (error, not-found, forbidden) render under the root layout's
 *   provider: "root" is the union of theirs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { appFiles, pageKey, renderedModules, ROOT } from './app-graph';

export const TABLE_FILE = path.join(ROOT, 'lib', 'i18n', 'client-namespaces.ts');

const USE_TRANSLATIONS = /useTranslations\(\s*(?:'([^']*)'|"([^"]*)")?\s*\)/g;

/**
 * The namespaces the browser needs for what `entry` renders: those of every module reached
 * through a client module. A `useTranslations()` without a namespace is refused: it would need
 * the whole catalogue.
 */
export function clientNamespaces(entry: string): string[] {
  const found = new Set<string>();
  for (const { file, text } of renderedModules(entry).filter((module) => module.client)) {
    for (const match of text.matchAll(USE_TRANSLATIONS)) {
      const namespace = match[1] ?? match[2];
      if (!namespace) throw new Error(`${path.relative(ROOT, file)}: useTranslations() without a namespace sends the whole catalogue; name one`);
      found.add(namespace);
    }
  }
  return minimal(found);
}

/** Sorted, without a namespace another one already contains (`cards.status` under `cards`). */
function minimal(namespaces: Iterable<string>): string[] {
  const all = [...new Set(namespaces)].sort();
  return all.filter((ns) => !all.some((other) => other !== ns && ns.startsWith(`${other}.`)));
}

export interface NamespaceTable {
  /** Under the root layout's provider: every layout and boundary. */
  root: string[];
  /** Each page with client translations, by pageKey. */
  pages: Record<string, string[]>;
}

export function namespaceTable(): NamespaceTable {
  const root: string[] = [];
  const pages: Record<string, string[]> = {};
  for (const file of appFiles()) {
    const namespaces = clientNamespaces(file);
    if (path.basename(file) === 'page.tsx') {
      if (namespaces.length > 0) pages[pageKey(file)] = namespaces;
    } else root.push(...namespaces);
  }
  return { root: minimal(root), pages };
}

/** The pages that need a provider of their own, as files (for the check that they render it). */
export function pagesWithClientMessages(): { file: string; key: string }[] {
  return appFiles()
    .filter((file) => path.basename(file) === 'page.tsx' && clientNamespaces(file).length > 0)
    .map((file) => ({ file, key: pageKey(file) }));
}

export function renderTable(table: NamespaceTable): string {
  const list = (namespaces: string[]) => `[${namespaces.map((ns) => `'${ns}'`).join(', ')}]`;
  return `/**
 * The message namespaces the browser needs, per page and for what the root layout renders.
 * Generated from the code by \`npm run i18n:namespaces\` (scripts/i18n-namespaces.ts); a test
 * fails when it is out of date. Do not edit by hand.
 */
export const ROOT_CLIENT_NAMESPACES: readonly string[] = ${list(table.root)};

export const PAGE_CLIENT_NAMESPACES = {
${Object.entries(table.pages)
  .map(([key, namespaces]) => `  '${key}': ${list(namespaces)},`)
  .join('\n')}
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPage = keyof typeof PAGE_CLIENT_NAMESPACES;
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(TABLE_FILE, renderTable(namespaceTable()));
  console.log(`wrote ${path.relative(ROOT, TABLE_FILE)}`);
}

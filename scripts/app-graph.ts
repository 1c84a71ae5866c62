/**
 * What each page, layout and boundary under app/ renders, read from the code: their imports
 * followed through the project's own modules. scripts/i18n-namespaces.ts (the messages the
 * browser needs) and the MUI check (scripts/theme-css.test.ts) read the app this way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;
const USE_SERVER = /^\s*['"]use server['"]/;

/** `app/…/page.tsx` → `(console)/members/[userId]`; the key a page passes to ClientMessages. */
export function pageKey(file: string): string {
  return path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/') || '/';
}

/** Every page, layout and boundary file under app/, sorted. */
export function appFiles(dir = path.join(ROOT, 'app')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return appFiles(full);
      return /^(page|layout|error|not-found|forbidden|global-error)\.tsx$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return undefined; // a package: not ours to read
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  let text = sources.get(file);
  if (text === undefined) sources.set(file, (text = readFileSync(file, 'utf8')));
  return text;
};

export interface RenderedModule {
  file: string;
  text: string;
  /** Reached through a `'use client'` module (or is one): its code runs in the browser. */
  client: boolean;
  /** The packages it imports for their values (not `import type`). */
  packages: string[];
}

/**
 * The project's modules `entry` renders, each once per side (server, client). Server actions
 * render nothing: a `'use server'` module is not followed. Test files are left out.
 */
export function renderedModules(entry: string): RenderedModule[] {
  const modules: RenderedModule[] = [];
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const text = read(file);
    const client = inClient || USE_CLIENT.test(text);
    if (!client && USE_SERVER.test(text)) return;
    const packages: string[] = [];
    modules.push({ file, text, client, packages });
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[2] ?? match[3]!;
      const target = resolveImport(file, specifier);
      if (target) {
        if (!target.endsWith('.test.ts')) visit(target, client);
      } else if (!match[1] && !specifier.startsWith('.') && !specifier.startsWith('@/')) packages.push(specifier);
    }
  };
  visit(entry, false);
  return modules;
}

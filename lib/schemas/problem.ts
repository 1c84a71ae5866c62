// Types only: the schemas are also loaded by the e2e runner (Node, where a JSON import needs an
// attribute the build's compiled catalogues refuse), so the keys come from the catalogue in use.
import type validation from '@/lib/i18n/messages/en/validation.json';

/**
 * A validation problem as the schemas state it, free of any language: a key of the
 * `validation` messages with its values, e.g. `tooLong?max=255` or `memberId.required`.
 * Browser and server parse with the same schemas; the words are chosen where the problem is
 * shown, in the reader's language (components/forms/use-problem-text.ts).
 */

/** The dotted paths of a message tree's texts. */
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];
export type ProblemKey = Paths<typeof validation>;

// A catalogue as the build loads it has its texts compiled (next.config.mjs): a text with
// arguments is an array, so a branch is an object that is not one.
type Tree = { readonly [key: string]: unknown };
const isBranch = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);
const leafPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (isBranch(value) ? leafPaths(value, `${prefix}${key}.`) : [prefix + key]));
const keysOf = new WeakMap<Tree, ReadonlySet<string>>();

/** The `validation` messages of the reader's language, as next-intl holds them. */
export type ValidationCatalogue = Tree;

/** The problems a catalogue has words for: its texts' dotted paths (a group is not one), read once per catalogue. */
function problemKeys(catalogue: ValidationCatalogue): ReadonlySet<string> {
  let keys = keysOf.get(catalogue);
  if (!keys) keysOf.set(catalogue, (keys = new Set(leafPaths(catalogue))));
  return keys;
}

export function problem(key: ProblemKey, values?: Record<string, string | number>): string {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)]))}`;
}

/** How a problem reads: a dotted key, then its values as a query; never a space. */
const PROBLEM_SHAPE = /^[A-Za-z]+(\.[A-Za-z]+)*(\?\S*)?$/;

/**
 * The key and values of a problem; a problem of no known key as the generic `invalid`.
 * Undefined for any other text: words a server action already wrote in the reader's language
 * (every check of lib/schemas, zod’s own type checks included, states a problem: problem.test.ts).
 */
export function parseProblem(text: string, catalogue: ValidationCatalogue): { key: ProblemKey; values: Record<string, string> } | undefined {
  if (!PROBLEM_SHAPE.test(text)) return undefined;
  const [key = '', query = ''] = text.split('?', 2);
  if (!problemKeys(catalogue).has(key)) return { key: 'invalid', values: {} };
  return { key: key as ProblemKey, values: Object.fromEntries(new URLSearchParams(query)) };
}

/** A translator of the `validation` messages: next-intl's `t` (useTranslations, getTranslations, createTranslator). */
export type ValidationTranslator = (key: ProblemKey, values: Record<string, string>) => string;

/** A problem in words, or any other text as it is (so that words are never translated twice). */
export function problemText(text: string, t: ValidationTranslator, catalogue: ValidationCatalogue): string {
  const parsed = parseProblem(text, catalogue);
  return parsed ? t(parsed.key, parsed.values) : text;
}

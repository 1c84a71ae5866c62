import validation from '@/lib/i18n/messages/en/validation.json' with { type: 'json' };

/**
 * A validation problem as the schemas state it, free of any language: a key of the
 * `validation` messages with its values, e.g. `tooLong?max=255` or `memberId.required`.
 * Browser and server parse with the same schemas; the words are chosen where the problem is
 * shown, in the reader's language (components/forms/use-problem-text.ts).
 */

/** The dotted paths of a message tree's texts. */
type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];
export type ProblemKey = Paths<typeof validation>;

type Tree = { [key: string]: string | Tree };
const leafPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : leafPaths(value, `${prefix}${key}.`)));
const KEYS: ReadonlySet<string> = new Set(leafPaths(validation));

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
export function parseProblem(text: string): { key: ProblemKey; values: Record<string, string> } | undefined {
  if (!PROBLEM_SHAPE.test(text)) return undefined;
  const [key = '', query = ''] = text.split('?', 2);
  if (!KEYS.has(key)) return { key: 'invalid', values: {} };
  return { key: key as ProblemKey, values: Object.fromEntries(new URLSearchParams(query)) };
}

/** A translator of the `validation` messages: next-intl's `t` (useTranslations, getTranslations, createTranslator). */
export type ValidationTranslator = (key: ProblemKey, values: Record<string, string>) => string;

/** A problem in words, or any other text as it is (so that words are never translated twice). */
export function problemText(text: string, t: ValidationTranslator): string {
  const parsed = parseProblem(text);
  return parsed ? t(parsed.key, parsed.values) : text;
}

import type validation from '@/lib/i18n/messages/en/validation.json';

/**
 * A validation problem as the schemas state it, free of any language: a key of the
 * `validation` messages with its values, e.g. `tooLong?max=255`. Browser and server parse
 * with the same schemas; the words are chosen where the problem is shown, in the reader's
 * language (components/forms/use-problem-text.ts).
 */
export type ProblemKey = keyof typeof validation;

export function problem(key: ProblemKey, values?: Record<string, string | number>): string {
  if (!values) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([name, value]) => [name, String(value)]))}`;
}

/** The key and values of a problem; anything else (zod's own wording, from a hand-made request) as the generic `invalid`. */
export function parseProblem(text: string, isKey: (key: string) => boolean): { key: ProblemKey; values: Record<string, string> } {
  const [key = '', query = ''] = text.split('?', 2);
  if (!isKey(key)) return { key: 'invalid', values: {} };
  return { key: key as ProblemKey, values: Object.fromEntries(new URLSearchParams(query)) };
}

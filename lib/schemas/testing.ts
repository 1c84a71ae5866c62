import { createTranslator } from 'next-intl';
import * as z from 'zod/mini';
import { en } from '@/lib/i18n/messages/en';
import { ko } from '@/lib/i18n/messages/ko';
import { problemText } from './problem';

/**
 * For tests: problems in the words a reader sees, so that a test reads "Enter the member id."
 * rather than `memberId.required`.
 */
const inLanguage = (locale: 'en' | 'ko') => {
  const messages = { en, ko }[locale];
  const t = createTranslator({ locale, messages, namespace: 'validation' });
  function words(text: string): string;
  function words(text: string | undefined): string | undefined;
  function words(text: string | undefined) {
    return text === undefined ? undefined : problemText(text, t, messages.validation);
  }
  return words;
};
export const english = inLanguage('en');
export const korean = inLanguage('ko');

/** A parse's field errors (z.flattenError) in English; none when it succeeded. */
export function englishFieldErrors(result: { error?: z.core.$ZodError }): Record<string, string[] | undefined> {
  if (!result.error) return {};
  const { fieldErrors } = z.flattenError(result.error);
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, texts]) => [field, (texts as string[]).map((text) => english(text))]));
}

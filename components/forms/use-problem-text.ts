'use client';
import { useCallback } from 'react';
import { useMessages, useTranslations } from 'next-intl';
import { problemKeys, problemText } from '@/lib/schemas/problem';

/** A field error in words: nothing stays nothing, so `problemText(form.errorOf('roles'))` reads as is. */
export interface ProblemWords {
  (problem: string): string;
  (problem: string | undefined): string | undefined;
}

/**
 * Words for a validation problem (lib/schemas/problem.ts) in the reader's language: field errors
 * come as problems from the browser's own check and from the server's answer alike. Words a
 * server action already wrote for a field are shown as they are.
 */
export function useProblemText(): ProblemWords {
  const t = useTranslations('validation');
  const keys = problemKeys(useMessages().validation);
  const words = useCallback((text: string | undefined) => (text === undefined ? undefined : problemText(text, t, keys)), [t, keys]);
  return words as ProblemWords;
}

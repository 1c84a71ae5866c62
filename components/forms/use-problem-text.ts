'use client';
import { useCallback } from 'react';
import { useMessages, useTranslations } from 'next-intl';
import { problemText } from '@/lib/schemas/problem';

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
  const catalogue = useMessages().validation;
  const words = useCallback((text: string | undefined) => (text === undefined ? undefined : problemText(text, t, catalogue)), [t, catalogue]);
  return words as ProblemWords;
}

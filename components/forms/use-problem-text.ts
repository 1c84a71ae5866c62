'use client';
import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import { parseProblem } from '@/lib/schemas/problem';

/**
 * Words for a validation problem (lib/schemas/problem.ts) in the reader's language: field errors
 * come as problems from the browser's own check and from the server's answer alike.
 */
export function useProblemText(): (problem: string) => string {
  const t = useTranslations('validation');
  return useCallback(
    (text: string) => {
      const { key, values } = parseProblem(text, (candidate) => t.has(candidate as never));
      return t(key, values as never);
    },
    [t],
  );
}

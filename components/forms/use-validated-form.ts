'use client';
import { useCallback, useMemo, useState } from 'react';
import * as z from 'zod/mini';
import type { ActionState } from '@/lib/domain/action-state';
import { useProblemText } from './use-problem-text';

type FieldErrors = Record<string, string[] | undefined>;

/** Fields that go back to their initial values: all of them, or those named. */
export type Forget = 'all' | readonly string[];

export interface ValidatedFormOptions {
  /** The action's latest answer: its field errors show next to the fields until they change. */
  answer?: ActionState<unknown>;
  /** What a new answer wipes from the form (what was typed for one request only). */
  forgetOnAnswer?: Forget | ((answer: ActionState<unknown>) => Forget);
}

// One shared empty object: a fresh `{}` per render would count as new server errors every time.
const NO_ERRORS: FieldErrors = {};

/**
 * Field values validated as the operator types, by the same zod schema the server
 * action uses again. Errors show once a field was touched, or after a submit attempt;
 * server-side field errors (from the action's answer) show until the field changes.
 * Cross-field rules are schema refinements with a path: their error shows at that field.
 * Errors come out in words, in the reader's language (useProblemText).
 */
export function useValidatedForm<S extends z.ZodMiniType<unknown, Record<string, unknown>>>(
  schema: S,
  initial: z.input<S> & Record<string, unknown>,
  { answer, forgetOnAnswer = [] }: ValidatedFormOptions = {},
) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [changedSinceAnswer, setChangedSinceAnswer] = useState<Record<string, boolean>>({});
  const [showAll, setShowAll] = useState(false);
  const serverErrors = answer?.status === 'invalid' ? answer.fieldErrors : NO_ERRORS;

  // A new answer applies afresh (adjusting state during render, not in an effect).
  const [seenAnswer, setSeenAnswer] = useState(answer);
  if (seenAnswer !== answer) {
    setSeenAnswer(answer);
    setChangedSinceAnswer({});
    const forget = typeof forgetOnAnswer === 'function' ? (answer ? forgetOnAnswer(answer) : []) : forgetOnAnswer;
    if (forget === 'all') {
      setValues(initial);
      setTouched({});
      setShowAll(false);
    } else if (forget.length > 0) {
      setValues((previous) => ({ ...previous, ...Object.fromEntries(forget.map((field) => [field, initial[field]])) }));
      setTouched((previous) => ({ ...previous, ...Object.fromEntries(forget.map((field) => [field, false])) }));
    }
  }

  const problemText = useProblemText();
  const result = useMemo(() => schema.safeParse(values), [schema, values]);
  const clientErrors = useMemo(
    () => (result.success ? NO_ERRORS : (z.flattenError(result.error).fieldErrors as FieldErrors)),
    [result],
  );

  /** The field's error, in words. */
  const errorOf = useCallback(
    (field: string): string | undefined => {
      const client = showAll || touched[field] ? clientErrors[field]?.[0] : undefined;
      const server = changedSinceAnswer[field] ? undefined : serverErrors[field]?.[0];
      return problemText(client ?? server);
    },
    [clientErrors, serverErrors, touched, changedSinceAnswer, showAll, problemText],
  );

  const setField = useCallback((field: string, value: unknown) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setTouched((previous) => ({ ...previous, [field]: true }));
    setChangedSinceAnswer((previous) => ({ ...previous, [field]: true }));
  }, []);

  /** Shows every error; returns the parsed values when the form is valid. */
  const validateAll = useCallback((): z.output<S> | undefined => {
    setShowAll(true);
    return result.success ? result.data : undefined;
  }, [result]);

  /** Props for a text field bound to `field`. */
  const textField = useCallback(
    (field: string) => ({
      name: field,
      value: String(values[field] ?? ''),
      onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
      onBlur: () => setTouched((previous) => ({ ...previous, [field]: true })),
      error: !!errorOf(field),
    }),
    [values, setField, errorOf],
  );

  return { values, setField, errorOf, textField, validateAll };
}

export type ValidatedForm = ReturnType<typeof useValidatedForm>;

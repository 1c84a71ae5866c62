'use client';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type * as z from 'zod/mini';
import type { ActionState } from '@/lib/domain/action-state';
import { isDeferredSchema, type DeferredSchema } from './deferred-schema';
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

/** The issues by field, as zod's flattenError gives them (without zod: see DeferredSchema). */
function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (field !== undefined) (errors[String(field)] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * Field values validated as the operator types, by the same zod schema the server
 * action uses again. Errors show once a field was touched, or after a submit attempt;
 * server-side field errors (from the action's answer) show until the field changes.
 * Cross-field rules are schema refinements with a path: their error shows at that field.
 * Errors come out in words, in the reader's language (useProblemText).
 *
 * With a deferred schema, the form checks from the moment it arrives; a submit before that
 * waits for it and is then made again (so the check is never skipped).
 */
export function useValidatedForm<S extends z.ZodMiniType<unknown, Record<string, unknown>>>(
  schemaOrDeferred: S | DeferredSchema<S>,
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

  const deferred = isDeferredSchema(schemaOrDeferred) ? schemaOrDeferred : undefined;
  const [loaded, setLoaded] = useState(() => deferred?.current());
  const schema = deferred ? loaded : (schemaOrDeferred as S);
  useEffect(() => {
    if (deferred && !loaded) void deferred.load().then(setLoaded, () => undefined);
  }, [deferred, loaded]);
  // A submit that came first is made again once the form renders with its schema (its handlers
  // then check with it).
  const resubmit = useRef<{ form: HTMLFormElement; submitter: HTMLElement | null }>(undefined);
  useEffect(() => {
    const waiting = resubmit.current;
    if (!schema || !waiting) return;
    resubmit.current = undefined;
    if (waiting.form.isConnected) waiting.form.requestSubmit(waiting.submitter);
  }, [schema]);

  const problemText = useProblemText();
  const result = useMemo(() => schema?.safeParse(values), [schema, values]);
  const clientErrors = useMemo(() => (!result || result.success ? NO_ERRORS : fieldErrorsOf(result.error.issues)), [result]);

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

  /**
   * Shows every error; returns the parsed values when the form is valid. Given the submit event,
   * a submit that came before a deferred schema is answered undefined and made again once it
   * has loaded.
   */
  const validateAll = useCallback(
    (event?: FormEvent<HTMLFormElement>): z.output<S> | undefined => {
      setShowAll(true);
      if (!result && event) resubmit.current = { form: event.currentTarget, submitter: (event.nativeEvent as SubmitEvent).submitter };
      return result?.success ? result.data : undefined;
    },
    [result],
  );

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

'use client';
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';

// One shared empty object: a fresh `{}` per render would count as new server errors every time.
const NO_ERRORS: Record<string, string[] | undefined> = {};

/**
 * Field values validated as the operator types, by the same zod schema the server
 * action uses again. Errors show once a field was touched, or after a submit attempt;
 * server-side field errors (from the action) show until the field changes.
 */
export function useValidatedForm<S extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: S,
  initial: z.input<S> & Record<string, unknown>,
  serverErrors: Record<string, string[] | undefined> = NO_ERRORS,
) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [changedSinceServer, setChangedSinceServer] = useState<Record<string, boolean>>({});
  const [showAll, setShowAll] = useState(false);
  // New errors from the server apply afresh (adjusting state during render, not in an effect).
  const [seenServerErrors, setSeenServerErrors] = useState(serverErrors);
  if (seenServerErrors !== serverErrors) {
    setSeenServerErrors(serverErrors);
    setChangedSinceServer({});
  }

  const result = useMemo(() => schema.safeParse(values), [schema, values]);
  const clientErrors = useMemo(
    () => (result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>)),
    [result],
  );

  const errorOf = useCallback(
    (field: string): string | undefined => {
      const client = showAll || touched[field] ? clientErrors[field]?.[0] : undefined;
      const server = changedSinceServer[field] ? undefined : serverErrors[field]?.[0];
      return client ?? server;
    },
    [clientErrors, serverErrors, touched, changedSinceServer, showAll],
  );

  const setField = useCallback((field: string, value: unknown) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setTouched((previous) => ({ ...previous, [field]: true }));
    setChangedSinceServer((previous) => ({ ...previous, [field]: true }));
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

  return { values, setField, errorOf, textField, validateAll, valid: result.success };
}

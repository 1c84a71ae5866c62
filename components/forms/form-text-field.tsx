'use client';
import type { ReactNode } from 'react';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ValidatedForm } from './use-validated-form';

/**
 * A text field bound to one field of a validated form: below it, its error (in words: see
 * useValidatedForm's errorOf), or else the hint.
 * No length cap on the input: it would cut pasted text short silently; the schema refuses what is too long.
 */
export function FormTextField({
  form,
  field,
  hint,
  inputMode,
  autoComplete,
  ...props
}: {
  form: Pick<ValidatedForm, 'textField' | 'errorOf'>;
  field: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'email' | 'password';
  autoFocus?: boolean;
  fullWidth?: boolean;
  inputMode?: 'numeric';
  autoComplete?: string;
  sx?: SxProps<Theme>;
}) {
  return (
    <TextField
      {...props}
      {...form.textField(field)}
      helperText={form.errorOf(field) ?? hint}
      slotProps={{ htmlInput: { inputMode, autoComplete } }}
    />
  );
}

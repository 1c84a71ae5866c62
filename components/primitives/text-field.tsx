import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import styles from './primitives.module.css';

interface FieldProps {
  label: string;
  /** The problem, in words: the field is marked invalid and this replaces the hint. */
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** `status` when the text below changes as the operator types, for a screen reader to say it. */
  helperRole?: 'status';
}

/**
 * A labelled text input, its error (else its hint) below and tied to it (aria-describedby), as
 * MUI's outlined field is for a screen reader. No length cap: a schema refuses what is too long
 * rather than the input cutting pasted text short. `multiline` makes it a textarea.
 */
export function TextField({
  label,
  error,
  hint,
  required,
  className,
  helperRole,
  id,
  multiline,
  rows,
  ...input
}: FieldProps & { multiline?: boolean; rows?: number } & Omit<InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>, 'children' | 'className'>) {
  const generated = useId();
  const inputId = id ?? generated;
  const helper = error ?? hint;
  const helperId = helper ? `${inputId}-helper` : undefined;
  const common = { ...input, id: inputId, className: styles.input, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': helperId };
  return (
    <div className={[styles.field, error && styles.invalid, className].filter(Boolean).join(' ')}>
      <label className={styles.label} htmlFor={inputId}>
        {label}
        {required && <span aria-hidden>{' *'}</span>}
      </label>
      {multiline ? <textarea {...(common as TextareaHTMLAttributes<HTMLTextAreaElement>)} rows={rows} /> : <input type="text" {...(common as InputHTMLAttributes<HTMLInputElement>)} />}
      {helper && (
        <p className={styles.helper} id={helperId} role={helperRole}>
          {helper}
        </p>
      )}
    </div>
  );
}

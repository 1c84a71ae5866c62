'use client';
import { useActionState, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ActionAlert } from '@/components/feedback/action-alert';
import { IDLE, type ActionState } from '@/lib/domain/action-state';

export type CommentAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A required comment and its submit button: a finding's status change, the access review's
 * sign-off. The server checks the comment (lib/review/comment.ts) and words its refusal, shown
 * under the field; what was typed stays until it is accepted.
 */
export function CommentForm({
  action,
  label,
  hint,
  submitLabel,
  hidden = {},
  onCancel,
  cancelLabel,
  autoFocus,
}: {
  action: CommentAction;
  label: string;
  hint: string;
  submitLabel: string;
  /** Fields the form sends as they are (e.g. the status chosen). */
  hidden?: Record<string, string>;
  onCancel?: () => void;
  cancelLabel?: string;
  autoFocus?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [comment, setComment] = useState('');
  const [seen, setSeen] = useState(state);
  const [changed, setChanged] = useState(false);
  // An accepted comment empties the field; a refusal's error shows until the comment changes.
  if (seen !== state) {
    setSeen(state);
    setChanged(false);
    if (state.status === 'ok') setComment('');
  }
  const error = !changed && state.status === 'invalid' ? state.fieldErrors.comment?.[0] : undefined;
  return (
    <Box component="form" action={formAction} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Stack spacing={1.5}>
        <div aria-live="polite">
          {state.status === 'ok' ? <Alert severity="success">{state.message}</Alert> : <ActionAlert state={state} />}
        </div>
        <TextField
          name="comment"
          label={label}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setChanged(true);
          }}
          required
          multiline
          minRows={2}
          fullWidth
          autoFocus={autoFocus}
          error={!!error}
          helperText={error ?? hint}
        />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && cancelLabel && <Button onClick={onCancel}>{cancelLabel}</Button>}
        </Stack>
      </Stack>
    </Box>
  );
}

'use client';
import { useActionState, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { memberNoteFieldsSchema, NOTE_BODY_MAX, type MemberNote } from '@/lib/schemas/member-note';
import { ActionAlert } from '@/components/feedback/action-alert';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';

/** The add-note server action, bound by the page to its member. */
export type AddNoteAction = (prev: ActionState<MemberNote>, formData: FormData) => Promise<ActionState<MemberNote>>;

/** One note: when, who, what (line breaks kept). */
export function MemberNoteText({ note }: { note: MemberNote }) {
  const t = useTranslations('members.notes');
  const format = useLocaleFormat();
  return (
    <>
      <Typography variant="caption" color="text.secondary" component="p">
        <time dateTime={note.at}>{format.dateTime(note.at)}</time> · {t('by', { author: note.authorEmail })}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.body}
      </Typography>
    </>
  );
}

/**
 * The member's notes, newest first, and a short form to leave one. Enter starts a new line;
 * Ctrl+Enter (⌘+Enter) adds the note. A refused note is explained next to the field and
 * nothing is sent. Each note is sent once: the form's key changes only after it is stored.
 */
export function MemberNotes({ notes, add, idempotencyKey }: { notes: MemberNote[]; add: AddNoteAction; idempotencyKey: string }) {
  const t = useTranslations('members.notes');
  const [state, formAction, pending] = useActionState(add, IDLE);
  const [key, setKey] = useState(idempotencyKey);
  const [added, setAdded] = useState<MemberNote[]>([]);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.status === 'ok') {
      setAdded((previous) => (previous.some((note) => note.id === state.data.id) ? previous : [state.data, ...previous]));
      setKey(crypto.randomUUID());
    } else if (state.status === 'unavailable') setKey(crypto.randomUUID());
  }
  const form = useValidatedForm(memberNoteFieldsSchema, { body: '' }, { answer: state, forgetOnAnswer: (answer) => (answer.status === 'ok' ? 'all' : []) });
  const formRef = useRef<HTMLFormElement>(null);
  const shown = [...added, ...notes.filter((note) => !added.some((a) => a.id === note.id))];
  const length = [...String(form.values.body)].length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!form.validateAll()) event.preventDefault();
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="member-notes-heading" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography id="member-notes-heading" variant="h6" component="h2">
          {t('heading')}
        </Typography>
        <Box component="form" ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('form')}>
          <input type="hidden" name="idempotencyKey" value={key} />
          <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              {...form.textField('body')}
              label={t('body')}
              multiline
              minRows={2}
              fullWidth
              onKeyDown={onKeyDown}
              helperText={form.errorOf('body') ?? t('hint', { count: length, max: NOTE_BODY_MAX })}
            />
            <Button type="submit" variant="contained" loading={pending}>
              {t('add')}
            </Button>
          </Stack>
        </Box>
        <div aria-live="polite">
          {state.status === 'ok' ? (
            <Typography color="success.main">{state.message}</Typography>
          ) : (
            // A refused body is explained next to the field; any other refusal (an expired form) here.
            !(state.status === 'invalid' && state.fieldErrors.body) && <ActionAlert state={state} />
          )}
        </div>
        {shown.length === 0 ? (
          <Typography color="text.secondary">{t('none')}</Typography>
        ) : (
          <Stack component="ol" spacing={1} aria-label={t('list')} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {shown.map((note) => (
              <Box component="li" key={note.id} data-testid="member-note" sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5 }}>
                <MemberNoteText note={note} />
              </Box>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

'use client';
import { useActionState, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { NOTE_BODY_MAX, type MemberNote } from '@/lib/domain/member-note';
import { ActionAlert } from '@/components/feedback/action-alert';
import { deferredSchema } from '@/components/forms/deferred-schema';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { useLocaleFormat } from '@/components/i18n/use-locale-format';
import { Button } from '@/components/primitives/button';
import primitives from '@/components/primitives/primitives.module.css';
import { TextField } from '@/components/primitives/text-field';
import styles from './member-notes.module.css';

// The rules arrive after the page is interactive (see DeferredSchema): the card list's first load goes without zod.
const noteFields = deferredSchema(() => import('@/lib/schemas/member-note').then((m) => m.memberNoteFieldsSchema));

/** The add-note server action, bound by the page to its member. */
export type AddNoteAction = (prev: ActionState<MemberNote>, formData: FormData) => Promise<ActionState<MemberNote>>;

/** One note: when, who, what (line breaks kept). */
export function MemberNoteText({ note }: { note: MemberNote }) {
  const t = useTranslations('members.notes');
  const format = useLocaleFormat();
  return (
    <>
      <p className={primitives.caption}>
        <time dateTime={note.at}>{format.dateTime(note.at)}</time> · {t('by', { author: note.authorEmail })}
      </p>
      <p className={`${primitives.body2} ${styles.body}`}>{note.body}</p>
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
  const form = useValidatedForm(noteFields, { body: '' }, { answer: state, forgetOnAnswer: (answer) => (answer.status === 'ok' ? 'all' : []) });
  const formRef = useRef<HTMLFormElement>(null);
  const shown = [...added, ...notes.filter((note) => !added.some((a) => a.id === note.id))];
  const length = [...String(form.values.body)].length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!form.validateAll(event)) event.preventDefault();
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <section aria-labelledby="member-notes-heading" className={`${primitives.panel} ${styles.notes}`}>
      <h2 id="member-notes-heading" className={primitives.h6}>
        {t('heading')}
      </h2>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={t('form')} className={styles.form}>
        <input type="hidden" name="idempotencyKey" value={key} />
        <TextField
          {...form.textField('body')}
          error={form.errorOf('body')}
          label={t('body')}
          multiline
          rows={2}
          onKeyDown={onKeyDown}
          hint={t('hint', { count: length, max: NOTE_BODY_MAX })}
          className={styles.field}
        />
        <Button type="submit" variant="contained" loading={pending}>
          {t('add')}
        </Button>
      </form>
      <div aria-live="polite">
        {state.status === 'ok' ? (
          <p className={primitives.successText}>{state.message}</p>
        ) : (
          // A refused body is explained next to the field; any other refusal (an expired form) here.
          !(state.status === 'invalid' && state.fieldErrors.body) && <ActionAlert state={state} />
        )}
      </div>
      {shown.length === 0 ? (
        <p className={`${primitives.muted} ${styles.none}`}>{t('none')}</p>
      ) : (
        <ol aria-label={t('list')} className={styles.list}>
          {shown.map((note) => (
            <li key={note.id} data-testid="member-note" className={styles.note}>
              <MemberNoteText note={note} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

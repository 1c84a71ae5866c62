'use client';
import { useActionState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { IDLE, type ActionState } from '@/lib/domain/action-state';
import { ActionAlert } from '@/components/feedback/action-alert';
import { deferredSchema } from '@/components/forms/deferred-schema';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { Button } from '@/components/primitives/button';
import { Icon } from '@/components/primitives/icons';
import { TextField } from '@/components/primitives/text-field';
import styles from './member-search-form.module.css';

// The rules arrive after the page is interactive (see DeferredSchema): the card list's first load goes without zod.
const searchSchema = deferredSchema(() => import('@/lib/schemas/member-search').then((m) => m.memberSearchSchema));

/**
 * The member id field's id, stable across pages and renders; the field also carries
 * `data-member-search`, which the `/` shortcut looks for to focus it.
 */
const MEMBER_SEARCH_INPUT_ID = 'member-search-user-id';

/**
 * Member id (validated as typed), optionally narrowed to one card by PAR or card number.
 * Enter searches. Id and PAR go in the URL; a card number never does (it is posted).
 */
export function MemberSearchForm({
  initial = {},
  findByCardNumber,
}: {
  initial?: { userId?: string; par?: string };
  findByCardNumber: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations('members.search');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(findByCardNumber, IDLE);
  const form = useValidatedForm(searchSchema, { userId: initial.userId ?? '', par: initial.par ?? '', cardNo: '' }, { answer: state });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const search = form.validateAll(event);
    if (!search) {
      event.preventDefault();
      return;
    }
    if (search.cardNo) return; // posted to the server action
    event.preventDefault();
    router.push(`/members/${search.userId}${search.par ? `?par=${encodeURIComponent(search.par)}` : ''}`);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate role="search" aria-label={t('form')} className={styles.form}>
      <div className={styles.fields}>
        <TextField
          {...form.textField('userId')}
          error={form.errorOf('userId')}
          id={MEMBER_SEARCH_INPUT_ID}
          label={t('userId')}
          hint={t('userIdHint')}
          autoFocus
          required
          inputMode="numeric"
          autoComplete="off"
          data-member-search=""
          className={styles.userId}
        />
        <TextField {...form.textField('par')} error={form.errorOf('par')} label={t('par')} hint={t('parHint')} autoComplete="off" className={styles.par} />
        <TextField
          {...form.textField('cardNo')}
          error={form.errorOf('cardNo')}
          label={t('cardNo')}
          hint={t('cardNoHint')}
          inputMode="numeric"
          autoComplete="off"
          className={styles.cardNo}
        />
        <Button type="submit" variant="contained" size="large" icon={<Icon name="search" />} loading={pending} className={styles.submit}>
          {t('submit')}
        </Button>
      </div>
      <div aria-live="polite">{state.status !== 'invalid' && <ActionAlert state={state} />}</div>
    </form>
  );
}

'use client';
import { useTranslations } from 'next-intl';
import { CommentForm, type CommentAction } from './comment-form';

/** The access review's sign-off: a comment, then the button. */
export function SignOffForm({ signOff }: { signOff: CommentAction }) {
  const t = useTranslations('review.access.signOff');
  return <CommentForm action={signOff} label={t('comment')} hint={t('commentHint')} submitLabel={t('submit')} />;
}

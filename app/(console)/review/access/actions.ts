'use server';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { requestClient } from '@/lib/audit/record';
import type { ActionState } from '@/lib/domain/action-state';
import { protectedAction } from '@/lib/auth/protected-action';
import { localeFormat } from '@/lib/format/locale-format';
import { signOffAccessReview } from '@/lib/review/access-review';
import { COMMENT_MAX } from '@/lib/review/comment';

const PAGE = '/review/access';

/**
 * Signs the access review off, with the reviewer's comment. The hash of the list the reviewer
 * saw is bound by the page: a list that changed meanwhile is refused (they must look again).
 * Audited (`access-review-sign-off`) by signOffAccessReview.
 */
export const signOffAccessReviewAction = protectedAction(
  'review.manage',
  async (manager, snapshotHash: string, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations('review');
    const comment = formData.get('comment');
    if (typeof snapshotHash !== 'string' || typeof comment !== 'string') {
      return { status: 'invalid', message: t('access.signOff.checkComment'), fieldErrors: { comment: [t('problems.comment-empty')] } };
    }
    const result = await signOffAccessReview({ actor: manager, comment, snapshotHash }, { client: await requestClient() });
    if (result.ok) {
      revalidatePath(PAGE);
      const format = localeFormat(await getLocale());
      return { status: 'ok', data: undefined, message: t('access.signOff.done', { at: format.date(result.schedule.nextDueAt!) }) };
    }
    switch (result.reason) {
      case 'comment-empty':
      case 'comment-too-long':
      case 'comment-hidden-characters':
        return { status: 'invalid', message: t('access.signOff.checkComment'), fieldErrors: { comment: [t(`problems.${result.reason}`, { max: COMMENT_MAX })] } };
      case 'stale':
        revalidatePath(PAGE);
        return { status: 'invalid', message: t('access.signOff.stale'), fieldErrors: {} };
      case 'forbidden':
        return { status: 'forbidden', message: (await getTranslations('resultCodes.failure'))('forbidden') };
    }
  },
);

'use server';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { requestClient } from '@/lib/audit/record';
import type { ActionState } from '@/lib/domain/action-state';
import { protectedAction } from '@/lib/auth/protected-action';
import { FINDING_STATUSES, type FindingStatus } from '@/lib/domain/review';
import { localeFormat } from '@/lib/format/locale-format';
import { COMMENT_MAX } from '@/lib/review/comment';
import { changeFindingStatus } from '@/lib/review/findings';
import { runFindings } from '@/lib/review/runs';

const PAGE = '/review';

const isStatus = (value: unknown): value is FindingStatus => typeof value === 'string' && (FINDING_STATUSES as readonly string[]).includes(value);

/**
 * Acknowledges, resolves or reopens one finding, with the operator's comment. The finding and
 * the status the operator saw are bound by the page; the form carries the new status and the
 * comment. Audited (`finding-status-change`) by changeFindingStatus.
 */
export const changeFindingStatusAction = protectedAction(
  'review.manage',
  async (manager, findingId: number, seen: FindingStatus, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations('review');
    const to = formData.get('to');
    const comment = formData.get('comment');
    if (!Number.isSafeInteger(findingId) || !isStatus(seen) || !isStatus(to) || typeof comment !== 'string') {
      return { status: 'invalid', message: t('change.notAllowed'), fieldErrors: {} };
    }
    const result = await changeFindingStatus({ findingId, to, comment, actor: manager, expectedFrom: seen }, { client: await requestClient() });
    if (result.ok) {
      revalidatePath(PAGE);
      return { status: 'ok', data: undefined, message: t('change.done', { id: findingId, status: t(`statuses.${result.finding.status}`) }) };
    }
    switch (result.reason) {
      case 'comment-empty':
      case 'comment-too-long':
      case 'comment-hidden-characters':
        return { status: 'invalid', message: t('change.checkComment'), fieldErrors: { comment: [t(`problems.${result.reason}`, { max: COMMENT_MAX })] } };
      case 'conflict':
        return { status: 'invalid', message: t('change.conflict', { status: t(`statuses.${result.current ?? seen}`) }), fieldErrors: {} };
      case 'not-found':
        return { status: 'invalid', message: t('change.notFound'), fieldErrors: {} };
      case 'not-allowed':
        return { status: 'invalid', message: t('change.notAllowed'), fieldErrors: {} };
      case 'forbidden':
        return { status: 'forbidden', message: (await getTranslations('resultCodes.failure'))('forbidden') };
    }
  },
);

/** Runs the rules now over the default range (the last FINDINGS_DEFAULT_RANGE_HOURS); audited (`findings-run`). */
export const runFindingsAction = protectedAction('review.manage', async (manager): Promise<ActionState> => {
  const t = await getTranslations('review.findings');
  const result = await runFindings({ actor: manager, trigger: 'manual' });
  switch (result.status) {
    case 'completed': {
      revalidatePath(PAGE);
      const format = localeFormat(await getLocale());
      return {
        status: 'ok',
        data: undefined,
        message: t('runDone', {
          from: format.dateTime(result.run.rangeFrom),
          to: format.dateTime(result.run.rangeTo),
          new: result.run.findingsNew,
          updated: result.run.findingsUpdated,
        }),
      };
    }
    case 'busy':
      return { status: 'invalid', message: t('runBusy'), fieldErrors: {} };
    case 'failed':
      revalidatePath(PAGE);
      return { status: 'invalid', message: t('runFailed'), fieldErrors: {} };
    case 'skipped':
      return { status: 'invalid', message: t('runSkipped'), fieldErrors: {} };
    case 'refused':
      return { status: 'forbidden', message: (await getTranslations('resultCodes.failure'))('forbidden') };
  }
});

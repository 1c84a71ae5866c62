'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX } from '@/lib/domain/review';
import { protectedAction } from '@/lib/auth/protected-action';
import { filterErrorText, type RawAuditPageFilters } from '@/lib/audit/filters';
import { deleteSavedAuditView, saveAuditView } from '@/lib/review/saved-views';

const PAGE = '/audit';

/**
 * Saves the page's current filters (bound by the page, validated again) under the name typed.
 * A refused name is said next to the field; refused filters above it.
 */
export const saveAuditViewAction = protectedAction(
  'audit.read',
  async (operator, filters: RawAuditPageFilters, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations('audit.savedViews');
    const name = formData.get('name');
    const result = await saveAuditView({ actor: operator, name: typeof name === 'string' ? name : '', filters: filters ?? {} });
    if (result.ok) {
      revalidatePath(PAGE);
      return { status: 'ok', data: undefined, message: t('saved', { name: result.view.name }) };
    }
    if (result.problems.includes('forbidden')) return { status: 'forbidden', message: (await getTranslations('resultCodes.failure'))('forbidden') };
    const words = (problem: (typeof result.problems)[number]) => t(`problems.${problem}`, { max: SAVED_VIEW_NAME_MAX, views: SAVED_VIEWS_MAX });
    const nameProblems = result.problems.filter((p) => p.startsWith('name-'));
    const otherProblems = result.problems.filter((p) => !p.startsWith('name-'));
    // Which filters were refused, as the page says it (the page offers saving only valid ones; a hand-made call may not).
    const tAudit = await getTranslations('audit');
    const filterProblems = (result.filterErrors ?? []).map((problem) => filterErrorText(problem, tAudit));
    return {
      status: 'invalid',
      message: otherProblems.length > 0 ? [...otherProblems.map(words), ...filterProblems].join(' ') : t('checkName'),
      fieldErrors: nameProblems.length > 0 ? { name: nameProblems.map(words) } : {},
    };
  },
);

/** Deletes one of the operator's own saved views (the page binds its id). */
export const deleteAuditViewAction = protectedAction('audit.read', async (operator, id: number): Promise<ActionState> => {
  const t = await getTranslations('audit.savedViews');
  const deleted = await deleteSavedAuditView({ actor: operator, id });
  if (!deleted) return { status: 'invalid', message: t('notFound'), fieldErrors: {} };
  revalidatePath(PAGE);
  return { status: 'ok', data: undefined, message: t('deleted') };
});

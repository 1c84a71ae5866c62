import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { getDb, idempotencyKeys } from '@/lib/db';
import { errorFields, logger } from '@/lib/log/logger';

/**
 * At most one upstream call per idempotency key. The key is created when a form opens;
 * a second submission with it (double click, resubmitted tab, replayed POST) never
 * reaches Konaplate: it gets the first one's outcome (in the words it was first given), or
 * "still in progress".
 */
export type SubmitOnceResult<T> = ActionState<T> & { replayed?: true };

export async function submitOnce<T>(
  claim: { key: string; operatorId: string; action: string },
  run: () => Promise<ActionState<T>>,
): Promise<SubmitOnceResult<T>> {
  const db = await getDb();
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ key: claim.key, operatorId: claim.operatorId, action: claim.action })
    .onConflictDoNothing({ target: idempotencyKeys.key })
    .returning({ key: idempotencyKeys.key });

  if (!claimed) {
    const t = await getTranslations('cardActions.answer');
    const [existing] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, claim.key)).limit(1);
    if (!existing || existing.operatorId !== claim.operatorId || existing.action !== claim.action) {
      return { status: 'invalid', message: t('formExpired'), fieldErrors: {} };
    }
    if (!existing.completedAt || !existing.outcome) {
      return { status: 'invalid', message: t('inProgress'), fieldErrors: {} };
    }
    return { ...(existing.outcome as ActionState<T>), replayed: true };
  }

  let outcome: ActionState<T>;
  try {
    outcome = await run();
  } catch (error) {
    // The call may have reached Konaplate before this failed: never let the key be reused blindly.
    logger().error({ action: claim.action, operatorId: claim.operatorId, error: errorFields(error) }, 'card action failed after claiming its idempotency key');
    outcome = {
      status: 'upstream-error',
      message: (await getTranslations('cardActions.answer'))('failedWhileSending'),
      correlationId: '',
      outcomeUnknown: true,
    };
  }
  const settle = db
    .update(idempotencyKeys)
    .set({ completedAt: new Date(), outcome: outcome as Record<string, unknown> })
    .where(and(eq(idempotencyKeys.key, claim.key), isNull(idempotencyKeys.completedAt)));
  // With the database unreachable nothing was sent, and the form asks again under a new key.
  if (outcome.status === 'unavailable') await settle.catch(() => undefined);
  else await settle;
  return outcome;
}

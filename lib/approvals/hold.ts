import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { CurrentOperator } from '@/lib/auth/access';
import { loadMemberCards } from '@/lib/cards/member-cards';
import type { ActionState } from '@/lib/domain/action-state';
import type { StatusChangeReason } from '@/lib/domain/status-reasons';
import type { HeldOperation } from './operations';
import { approvalNeeded, currentApprovalPolicy } from './policy';
import { requestApproval } from './requests';

/**
 * The maker's side of maker–checker, called by each approvable action once its input is valid
 * and before anything is sent: when the policy holds this action, the request is stored (once
 * per form) and the maker is told it waits for approval; otherwise undefined, and the action
 * goes on as it always did.
 */
export async function holdForApprovalIfRequired(input: {
  maker: CurrentOperator;
  operation: HeldOperation;
  memberId: string;
  /** The card acted on (all but issuance). */
  cardRef?: string;
  reason?: StatusChangeReason;
  reasonText?: string;
  idempotencyKey: string;
}): Promise<Extract<ActionState<never>, { status: 'held' }> | undefined> {
  const policy = await currentApprovalPolicy();
  if (!policy.enabled) return undefined;
  const subject = { action: input.operation.action, reason: input.reason };
  let needed = approvalNeeded(policy, subject);
  if (!needed && policy.balanceThresholdKrw !== null && input.cardRef) {
    // Only a threshold needs the card's balance: read it (an audited read) just then.
    const cards = await loadMemberCards(input.maker, { userId: input.memberId, par: input.cardRef }, 'view-card');
    const balance = cards.status === 'ok' ? cards.cards.find((card) => card.par === input.cardRef)?.balance : undefined;
    needed = approvalNeeded(policy, { ...subject, balance: balance === undefined ? null : String(balance) });
  }
  if (!needed) return undefined;

  const { request, created } = await requestApproval({
    action: input.operation.action,
    memberId: input.memberId,
    cardRef: input.cardRef,
    input: { ...input.operation.input },
    reason: input.reason,
    reasonText: input.reasonText,
    idempotencyKey: input.idempotencyKey,
    maker: input.maker,
    ttlMinutes: policy.ttlMinutes,
  });
  const t = await getTranslations('approvals.held');
  return { status: 'held', requestId: request.id, message: created ? t('body', { minutes: policy.ttlMinutes }) : t('again') };
}

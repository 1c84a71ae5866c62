import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { CurrentOperator } from '@/lib/auth/access';
import { runCardAction } from '@/lib/cards/card-action';
import { submitOnce } from '@/lib/cards/submit-once';
import type { ActionState } from '@/lib/domain/action-state';
import type { ApprovalRequestRow } from '@/lib/db/schema';
import type { ApprovalOutcome } from '@/lib/domain/approvals';
import type { IssuedCard } from '@/lib/domain/cards';
import type { CallResult } from '@/lib/konaplate';
import { konaplate } from '@/lib/upstream/client';
import { readHeldOperation, type HeldOperation } from './operations';
import { recordExecution } from './requests';

/** What the checker typed for an action whose secrets are not kept. */
export interface CheckerSecrets {
  residentRegistrationNo?: string;
}

interface Call {
  call: () => Promise<CallResult<unknown>>;
  summary: Record<string, unknown>;
  applicationNumber: (data: unknown) => string | undefined;
  /** What the answer adds to the audit event, as the maker's own action would. */
  summarize?: (data: unknown) => Record<string, unknown>;
}

const applyNo = (data: unknown) => (data as { cardApplyNo?: string } | null)?.cardApplyNo;

/** Konaplate's request for the held operation, and what its audit event says of it (no address lines, no account or identity number). */
function callFor(operation: HeldOperation, memberId: string, secrets: CheckerSecrets): Call | undefined {
  const client = konaplate();
  const deliverySummary = (input: { isDeliveryRequired: boolean; address?: { zipCode: string } }) => ({
    isDeliveryRequired: input.isDeliveryRequired,
    zipCode: input.address?.zipCode,
  });
  switch (operation.action) {
    case 'reissue-prepaid':
      return {
        call: () => client.reissuePrepaidCard({ userId: memberId, ...operation.input }),
        summary: { nextServiceId: operation.input.nextServiceId, ...deliverySummary(operation.input), feeAcknowledged: true },
        applicationNumber: applyNo,
        // Which card replaced the old one: the card page names it (see the reissue action).
        summarize: (data) => {
          const card = data as IssuedCard;
          return { newCardApplyNo: card.cardApplyNo, newCardPar: card.mobileCardPar };
        },
      };
    case 'issue-prepaid':
      return {
        call: () => client.issuePrepaidCard({ userId: memberId, ...operation.input }),
        summary: { serviceId: operation.input.serviceId, purpose: operation.input.purpose ?? 'NONE', ...deliverySummary(operation.input) },
        applicationNumber: applyNo,
      };
    case 'issue-debit': {
      const { residentRegistrationNo } = secrets;
      if (!residentRegistrationNo) return undefined;
      return {
        call: () => client.issueDebitCard({ userId: memberId, ...operation.input, residentRegistrationNo }),
        summary: { serviceId: operation.input.serviceId, bankCode: operation.input.bankCode, enableFIC: operation.input.enableFIC, ...deliverySummary(operation.input) },
        applicationNumber: applyNo,
      };
    }
    case 'suspend-card':
      return {
        call: () => client.changeCardStatus({ userId: memberId, par: operation.input.par, status: 'SUSPEND' }),
        summary: { status: 'SUSPEND' },
        applicationNumber: () => undefined,
      };
  }
}

function toOutcome(state: ActionState<unknown>): ApprovalOutcome {
  switch (state.status) {
    case 'ok':
      return { status: 'ok', message: state.message ?? '' };
    case 'upstream-error':
      return { status: 'upstream-error', message: state.message, code: state.code, correlationId: state.correlationId, outcomeUnknown: state.outcomeUnknown };
    case 'invalid':
      return { status: 'invalid', message: state.message };
    case 'unavailable':
      return { status: 'unavailable', message: state.message };
    default:
      return { status: 'rejected', message: 'message' in state ? state.message : '' };
  }
}

/**
 * Sends an approved request, once: under the maker's form key (lib/cards/submit-once.ts), so
 * that however the approval is repeated, Konaplate hears of it once. Its audit event is the
 * action's own (`reissue-prepaid`…), by the checker, naming the request and its maker.
 * Only the checker whose approval claimed the request calls this.
 */
export async function executeApproval(request: ApprovalRequestRow, checker: CurrentOperator, secrets: CheckerSecrets): Promise<ApprovalOutcome> {
  const t = await getTranslations('approvals.execution');
  const operation = readHeldOperation(request.action, request.input);
  const prepared = operation && callFor(operation, request.memberId, secrets);
  let outcome: ApprovalOutcome;
  if (!prepared) {
    outcome = { status: 'invalid', message: t('unreadable') };
  } else {
    const state = await submitOnce({ key: request.idempotencyKey, operatorId: request.makerId ?? checker.id, action: request.action }, () =>
      runCardAction({
        operator: checker,
        action: request.action,
        memberId: request.memberId,
        cardRef: request.cardRef ?? undefined,
        request: {
          ...prepared.summary,
          reason: request.reason ?? undefined,
          reasonText: request.reasonText ?? undefined,
          approvalRequestId: request.id,
          makerEmail: request.makerEmail,
        },
        call: prepared.call,
        summarize: prepared.summarize,
        message: (data) => {
          const applicationNumber = prepared.applicationNumber(data);
          return applicationNumber ? t('doneWithApplication', { applicationNumber }) : t('done');
        },
      }),
    );
    outcome = toOutcome(state);
  }
  await recordExecution(request.id, outcome);
  return outcome;
}

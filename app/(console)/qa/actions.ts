'use server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionState } from '@/lib/domain/action-state';
import { failureState, invalidState, protectedAction } from '@/lib/auth/protected-action';
import { recordAudit } from '@/lib/audit/record';
import { maskCardNumber } from '@/lib/format/card-number';
import type { SandboxScenario } from '@/lib/qa/catalogue';
import { describeFaultTarget, faultSwitchSchema } from '@/lib/qa/faults';
import { forgetActiveSandboxFaults, sandboxControl } from '@/lib/qa/sandbox-control';
import { auditedCall } from '@/lib/upstream/audited-call';
import { konaplate } from '@/lib/upstream/client';

/** Turns a fault on (or off, with `fault: null`) for one endpoint of the sandbox. */
export const switchFaultAction = protectedAction('sandbox.control', async (operator, input: unknown): Promise<ActionState> => {
  const parsed = faultSwitchSchema.safeParse(input);
  if (!parsed.success) return invalidState(parsed.error);
  const { target, fault } = parsed.data;
  const path = `/faults/${encodeURIComponent(target)}`;
  await sandboxControl(path, fault ? { method: 'PUT', body: JSON.stringify(fault) } : { method: 'DELETE' });
  forgetActiveSandboxFaults();
  await recordAudit({ actor: operator, action: 'sandbox-control', outcome: 'ok', request: { target, fault } });
  revalidatePath('/', 'layout');
  const t = await getTranslations('qa.faults');
  const where = describeFaultTarget(target, t);
  return { status: 'ok', data: undefined, message: fault ? t('switchedOn', { target: where }) : t('switchedOff', { target: where }) };
});

export const resetSandboxAction = protectedAction('sandbox.control', async (operator): Promise<ActionState> => {
  await sandboxControl('/reset', { method: 'POST' });
  forgetActiveSandboxFaults();
  await recordAudit({ actor: operator, action: 'sandbox-control', outcome: 'ok', request: { reset: true } });
  revalidatePath('/', 'layout');
  const t = await getTranslations('qa.faults');
  return { status: 'ok', data: undefined, message: t('resetDone') };
});

/**
 * Runs an unregistered-card scenario on the server: its card number, expiry and CVC are
 * read from the sandbox here and never sent to the browser.
 */
export const runLookupScenarioAction = protectedAction(
  'sandbox.control',
  async (operator, index: number): Promise<ActionState<{ serviceName: string; balance: number; correlationId: string }>> => {
    const t = await getTranslations('qa.catalogue');
    const { scenarios } = await sandboxControl<{ scenarios: SandboxScenario[] }>('/scenarios');
    const scenario = Number.isInteger(index) ? scenarios[index] : undefined;
    if (scenario?.endpoint !== 'unregistered-card') {
      return { status: 'invalid', message: t('noScenario'), fieldErrors: {} };
    }
    const request = scenario.request as { cardNo?: string; expiryDate?: string; cardCVC?: string };
    const outcome = await auditedCall(
      { actor: operator, action: 'unregistered-lookup', cardRef: maskCardNumber(request.cardNo ?? ''), request: { qaScenario: index } },
      () =>
        konaplate().lookupUnregisteredCard({
          cardNo: request.cardNo ?? '',
          expiryDate: request.expiryDate ?? '',
          cardCVC: request.cardCVC ?? '',
        }),
    );
    if (!outcome.ok) return failureState(outcome.error);
    const { data, correlationId } = outcome;
    return { status: 'ok', data: { serviceName: data.serviceName, balance: data.balance, correlationId }, message: t('found') };
  },
);

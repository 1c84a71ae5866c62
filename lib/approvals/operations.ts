import 'server-only';
import { z } from 'zod';
import type { ApprovableAction } from '@/lib/domain/approvals';
import type { DebitIssueRequest, PrepaidIssueRequest, PrepaidReissueRequest } from '@/lib/konaplate';
import { addressSchema, parSchema, serviceIdSchema } from '@/lib/schemas/fields';

/**
 * What an approval request keeps of the action it holds: Konaplate's request without the
 * member (the request's own column) and without what must never be stored (the identity
 * number of a debit issuance, which the checker types again). Read back through these schemas
 * before it is sent, so that a stored row never reaches Konaplate unchecked.
 */

const delivery = {
  isDeliveryRequired: z.boolean(),
  address: z.optional(addressSchema),
};

export const HELD_INPUT_SCHEMAS = {
  'reissue-prepaid': z.strictObject({ par: parSchema, nextServiceId: z.optional(serviceIdSchema), ...delivery }),
  'issue-prepaid': z.strictObject({ serviceId: serviceIdSchema, purpose: z.literal('GIFTABLE').optional(), ...delivery }),
  'issue-debit': z.strictObject({
    serviceId: serviceIdSchema,
    bankCode: z.string().regex(/^\d{3}$/),
    accountNo: z.string().regex(/^\d{1,20}$/),
    enableFIC: z.boolean(),
    ...delivery,
  }),
  'suspend-card': z.strictObject({ par: parSchema }),
} as const satisfies Record<ApprovableAction, z.ZodType>;

/** Each held action's kept input, typed as Konaplate's request minus what is not kept. */
export interface HeldInputs {
  'reissue-prepaid': Omit<PrepaidReissueRequest, 'userId'>;
  'issue-prepaid': Omit<PrepaidIssueRequest, 'userId'>;
  'issue-debit': Omit<DebitIssueRequest, 'userId' | 'residentRegistrationNo'>;
  'suspend-card': { par: string };
}

export type HeldOperation = { [A in ApprovableAction]: { action: A; input: HeldInputs[A] } }[ApprovableAction];

/** The stored input read back, or undefined when it no longer validates (the request then fails, unsent). */
export function readHeldOperation(action: ApprovableAction, input: unknown): HeldOperation | undefined {
  const parsed = HELD_INPUT_SCHEMAS[action].safeParse(input);
  return parsed.success ? ({ action, input: parsed.data } as HeldOperation) : undefined;
}

/** The checker re-enters what was not kept. */
export const needsIdentityNumber = (action: ApprovableAction): boolean => action === 'issue-debit';

import * as z from 'zod/mini';
// Named, not `z.core.…`: the namespace would bring all of zod's core into the browser.
import { $ZodError } from 'zod/v4/core';
import { idempotencyKeySchema, parSchema, SERVICE_ID_MESSAGE, SERVICE_ID_PATTERN, serviceIdSchema, userIdSchema, zipCodeSchema, type Address } from './fields';
import { REASON_TEXT_MAX, STATUS_CHANGE_REASONS, type StatusChangeReason } from '@/lib/domain/status-reasons';
import { problem, type ProblemKey } from './problem';
import { addressText, groupedDigits, tooLong, visibleText } from './text';

/**
 * The issuance and reissuance forms. One schema per form, used by the browser as the
 * operator types and by the server action again (which trusts nothing). The member id and
 * the card's PAR are not form fields: they come from the route, bound into the action.
 */


/** Delivery or mobile-only, with the address required only when delivering. */
const deliveryFields = {
  delivery: z.enum(['delivery', 'mobile-only'], { error: problem('delivery.choose') }),
  address: z._default(addressText().check(z.maxLength(255, tooLong(255))), ''),
  addressDetail: z._default(addressText().check(z.maxLength(255, tooLong(255))), ''),
  zipCode: z._default(visibleText(), ''),
};
type DeliveryForm = z.output<z.ZodMiniObject<typeof deliveryFields>>;
type RefinementCtx = Parameters<Parameters<typeof z.superRefine>[0]>[1];

function requireAddressWhenDelivering(value: DeliveryForm, ctx: RefinementCtx) {
  if (value.delivery !== 'delivery') return;
  if (!value.address) ctx.addIssue({ code: 'custom', path: ['address'], message: problem('delivery.address') });
  if (!value.addressDetail) {
    ctx.addIssue({ code: 'custom', path: ['addressDetail'], message: problem('delivery.addressDetail') });
  }
  const zip = zipCodeSchema.safeParse(value.zipCode);
  if (!zip.success) ctx.addIssue({ code: 'custom', path: ['zipCode'], message: zip.error.issues[0]!.message });
}

/** What Konaplate is told about delivery: the address goes only with a delivered card. */
export function deliveryRequest(form: DeliveryForm): { isDeliveryRequired: boolean; address?: Address } {
  if (form.delivery !== 'delivery') return { isDeliveryRequired: false };
  return { isDeliveryRequired: true, address: { address: form.address, addressDetail: form.addressDetail, zipCode: form.zipCode } };
}

export const prepaidIssueFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    serviceId: serviceIdSchema,
    ...deliveryFields,
    purpose: z._default(z.enum(['NONE', 'GIFTABLE'], { error: problem('invalid') }), 'NONE'),
  })
  .check(z.superRefine(requireAddressWhenDelivering));
export type PrepaidIssueForm = z.output<typeof prepaidIssueFormSchema>;

/** Resident registration number: 13 digits, typed with or without the dash. Never stored. */
export const residentRegistrationNoSchema = z.pipe(
  visibleText().check(z.regex(/^\d{6}-?\d{7}$/, problem('debit.residentRegistrationNo'))),
  z.transform((value: string) => value.replace('-', '')),
);

export const debitIssueFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    serviceId: serviceIdSchema,
    bankCode: visibleText().check(z.regex(/^\d{3}$/, problem('debit.bankCode'))),
    accountNo: z.pipe(groupedDigits(problem('debit.accountNoDigits')), z.string().check(z.regex(/^\d{1,20}$/, problem('debit.accountNoLength')))),
    enableFIC: z._default(z.boolean({ error: problem('invalid') }), false),
    residentRegistrationNo: residentRegistrationNoSchema,
    ...deliveryFields,
  })
  .check(z.superRefine(requireAddressWhenDelivering));
export type DebitIssueForm = z.output<typeof debitIssueFormSchema>;

/**
 * Why a card's state changes (lib/domain/status-reasons.ts): one of the vocabulary, and for
 * "other" the operator's own words. `missing` is the form's problem for a reason not chosen.
 */
function reasonFields(missing: ProblemKey) {
  return {
    reason: z.enum(STATUS_CHANGE_REASONS, { error: problem(missing) }),
    reasonText: z._default(visibleText().check(z.maxLength(REASON_TEXT_MAX, tooLong(REASON_TEXT_MAX))), ''),
  };
}
type ReasonForm = { reason: StatusChangeReason; reasonText: string };

function requireReasonTextForOther(missing: ProblemKey) {
  return (value: ReasonForm, ctx: RefinementCtx) => {
    if (value.reason === 'other' && !value.reasonText) ctx.addIssue({ code: 'custom', path: ['reasonText'], message: problem(missing) });
  };
}

/** What the audit event keeps of a reason: the code, and the words only for "other". */
export function reasonSummary(form: ReasonForm): { reason: StatusChangeReason; reasonText?: string } {
  return form.reason === 'other' ? { reason: form.reason, reasonText: form.reasonText } : { reason: form.reason };
}

export const reissueFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    ...reasonFields('reissue.reason'),
    /** Empty: the same product as the old card. */
    nextServiceId: z._default(
      visibleText().check(z.refine((value) => value === '' || SERVICE_ID_PATTERN.test(value), SERVICE_ID_MESSAGE)),
      '',
    ),
    ...deliveryFields,
    feeAcknowledged: z.boolean({ error: problem('reissue.feeAcknowledged') }).check(z.refine((accepted) => accepted, problem('reissue.feeAcknowledged'))),
  })
  .check(
    z.superRefine((value, ctx) => {
      requireReasonTextForOther('reissue.reasonText')(value, ctx);
      requireAddressWhenDelivering(value, ctx);
    }),
  );
export type ReissueForm = z.output<typeof reissueFormSchema>;

/** Suspend or resume a card (Konaplate's two state changes), with the operator's reason. */
export const cardStatusFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    status: z.enum(['SUSPEND', 'RESUME'], { error: problem('invalid') }),
    ...reasonFields('statusChange.reason'),
  })
  .check(z.superRefine(requireReasonTextForOther('statusChange.reasonText')));
export type CardStatusForm = z.output<typeof cardStatusFormSchema>;

/** Cancel a card's application, with the operator's reason. */
export const cancelApplicationFormSchema = z
  .object({ idempotencyKey: idempotencyKeySchema, ...reasonFields('statusChange.reason') })
  .check(z.superRefine(requireReasonTextForOther('statusChange.reasonText')));
export type CancelApplicationForm = z.output<typeof cancelApplicationFormSchema>;

/** FormData → the plain object the schemas read (checkboxes as booleans). */
export function formDataToObject(formData: FormData, booleans: readonly string[] = []): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$')) object[key] = value;
  }
  for (const key of booleans) object[key] = formData.get(key) === 'on' || formData.get(key) === 'true';
  return object;
}

/**
 * The route's ids a card action is bound to. The page binds values it has checked, but on
 * the wire they come from the browser like any field: the action checks them again.
 */
export const boundMemberSchema = z.object({ userId: userIdSchema });
export const boundCardSchema = z.extend(boundMemberSchema, { par: parSchema });
/** An application number: 22 letters and digits (Konaplate's `cardApplyNo`). */
export const cardApplyNoSchema = visibleText().check(z.regex(/^[A-Za-z0-9]{22}$/, problem('invalid')));
export const boundApplicationSchema = z.extend(boundCardSchema, { cardApplyNo: cardApplyNoSchema });
export const boundMemberApplicationSchema = z.extend(boundMemberSchema, { cardApplyNo: cardApplyNoSchema });

export type CardActionInput<Bound, Form> =
  | { success: true; bound: Bound; form: Form }
  | {
      success: false;
      error: $ZodError;
      /** For the operator, which part was refused: a problem (lib/schemas/problem.ts). */
      message: string;
      /** The member id, when the bound ids were valid (for the audit trail). */
      memberId?: string;
    };

/** A card action's input in one check: the ids bound from the route and the form's fields. */
export function parseCardActionInput<Bound extends { userId: string }, Form>(
  boundSchema: z.ZodMiniType<Bound>,
  bound: Record<string, unknown>,
  formSchema: z.ZodMiniType<Form>,
  formData: FormData,
  booleans: readonly string[] = [],
): CardActionInput<Bound, Form> {
  const ids = boundSchema.safeParse(bound);
  const form = formSchema.safeParse(formDataToObject(formData, booleans));
  if (ids.success && form.success) return { success: true, bound: ids.data, form: form.data };
  return {
    success: false,
    error: new $ZodError([...(ids.error?.issues ?? []), ...(form.error?.issues ?? [])]),
    // Only a tampered request gets here with bad ids: the page binds ids it has checked.
    message: problem(ids.success ? 'checkFields' : 'boundIdsInvalid'),
    memberId: ids.success ? ids.data.userId : undefined,
  };
}

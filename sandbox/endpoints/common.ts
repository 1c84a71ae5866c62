import { z } from 'zod';
import { JsonNumber, type JsonValue } from '../json-body';
import { ApiFailure, RESULTS } from '../result-codes';
import type { Member, SandboxState } from '../state';

/** Request validation shared by the endpoints, and the mapping of zod issues to result codes. */

export interface EndpointContext {
  state: SandboxState;
  now: Date;
}

/** The data fields of a success answer (the envelope is added by the server). */
export type SuccessData = Record<string, unknown>;

/** A JSON number literal of 1..19 digits, kept as its digit string (never a JS number). */
export const userIdSchema = z
  .custom<JsonNumber>((value) => value instanceof JsonNumber && /^[1-9]\d{0,18}$/.test(value.literal))
  .transform((value) => value.literal);

export const userInfoSchema = z.object({ userId: userIdSchema });

export const serviceIdSchema = z.string().length(15);
export const parSchema = z.string().length(27);
export const cardApplyNoSchema = z.string().length(22);
export const cardNoSchema = z.string().regex(/^\d{16}$/);

export const addressInfoSchema = z.object({
  address: z.string().min(1).max(255),
  addressDetail: z.string().min(1).max(255),
  zipCode: z.string().regex(/^\d{5}$/),
});

export const deliveryFields = {
  isDeliveryRequired: z.boolean().optional(),
  addressInfo: addressInfoSchema.optional(),
};

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The vendor names the member id "userId" in messages, although it sits in userInfo. */
function fieldName(path: readonly PropertyKey[]): string {
  // serviceIdList[0], addressInfo.zipCode
  const dotted = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return dotted === 'userInfo' || dotted === 'userInfo.userId' ? 'userId' : dotted;
}

/** Parses a request body; the first problem becomes 000_003 (missing) or 000_002 (malformed). */
export function parseRequest<S extends z.ZodType>(schema: S, body: JsonValue): z.output<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || body instanceof JsonNumber) {
    throw new ApiFailure(RESULTS.invalidInput('body'));
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const missing = valueAt(body, path) === undefined;
  const field = fieldName(path) || 'body';
  throw new ApiFailure(missing ? RESULTS.missingValue(field) : RESULTS.invalidInput(field));
}

export function requireMember(context: EndpointContext, userId: string): Member {
  const member = context.state.member(userId);
  if (!member) throw new ApiFailure(RESULTS.memberNotFound);
  return member;
}

/** An issuance request: the member, the endpoint's own fields, and delivery. */
export const issuanceRequest = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object({ userInfo: userInfoSchema, ...shape, ...deliveryFields });

/** How every issuance starts: its request parsed, delivery settled, its member found (in that order of codes). */
export function beginIssuance<S extends z.ZodType<{ userInfo: { userId: string }; isDeliveryRequired?: boolean; addressInfo?: unknown }>>(
  schema: S,
  body: JsonValue,
  context: EndpointContext,
): { request: z.output<S>; delivered: boolean; member: Member } {
  const request = parseRequest(schema, body);
  const delivered = requireDelivery(request);
  return { request, delivered, member: requireMember(context, request.userInfo.userId) };
}

/** isDeliveryRequired defaults to true; the address is then required. */
export function requireDelivery(request: { isDeliveryRequired?: boolean; addressInfo?: unknown }): boolean {
  const delivered = request.isDeliveryRequired ?? true;
  if (delivered && request.addressInfo === undefined) throw new ApiFailure(RESULTS.missingValue('addressInfo'));
  return delivered;
}

export function rechargeableAmount(
  card: { isNamed: boolean; balance: number },
  product: { maxRealNameRechargeAmount: number; maxNonRealNameRechargeAmount: number },
): number {
  const max = card.isNamed ? product.maxRealNameRechargeAmount : product.maxNonRealNameRechargeAmount;
  return Math.max(0, max - card.balance);
}

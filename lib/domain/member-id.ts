import { problem } from '@/lib/schemas/problem';

/**
 * A member id (Konaplate's userId): 1 to 9999999999999999999, up to 19 digits, no leading
 * zero. Kept as a digit string everywhere in the console (it exceeds JS safe integers) and
 * written as a JSON number literal on the wire. The one rule: schemas, routes, the audit
 * trail and card-state history all test against it.
 */
export const MEMBER_ID_PATTERN = /^[1-9][0-9]{0,18}$/;
const MEMBER_ID_MAX_DIGITS = 19;

export const isMemberId = (value: unknown): value is string => typeof value === 'string' && MEMBER_ID_PATTERN.test(value);

/** Why a value is not a member id: the problem (lib/schemas/problem.ts) the form shows next to the field. */
export function memberIdProblem(value: string): string | undefined {
  if (MEMBER_ID_PATTERN.test(value)) return undefined;
  if (value === '') return problem('memberId.required');
  if (!/^\d+$/.test(value)) return problem('memberId.digitsOnly');
  if (value.startsWith('0')) return problem('memberId.leadingZero');
  return problem('memberId.tooLong', { max: MEMBER_ID_MAX_DIGITS });
}

import 'server-only';
import type { z } from 'zod';
import type { MemberContact, MemberProfile } from '@/lib/domain/member';
import type { memberInfoDto } from './dto';

/**
 * Wire → the console's member types (lib/domain/member.ts). Contact details stop here: the
 * profile gets the mobile number and e-mail masked; the full values only go into
 * MemberContact, which the client returns from its separate reveal call. The answer's
 * other personal fields (gender, nationality) are dropped.
 */

type UserInfoDto = z.infer<typeof memberInfoDto>['userInfo'];

const MASK = '•';

/** `010-1234-5678` or `01012345678` → `010-••••-5678`; another shape keeps its last four digits. */
export function maskMobileNumber(mobileNumber: string): string {
  const digits = mobileNumber.replace(/\D/g, '');
  if (/^01\d{8,9}$/.test(digits)) return `${digits.slice(0, 3)}-${MASK.repeat(4)}-${digits.slice(-4)}`;
  if (digits.length <= 4) return MASK.repeat(4);
  return MASK.repeat(digits.length - 4) + digits.slice(-4);
}

/** `minjun.kim@example.com` → `mi•••@example.com` (the local part's length is not shown either). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK.repeat(3);
  const local = email.slice(0, at);
  // Never the whole local part: two characters of a long one, one of two, none of one.
  const visible = local.slice(0, Math.max(0, Math.min(2, local.length - 1)));
  return `${visible}${MASK.repeat(3)}${email.slice(at)}`;
}

export function toMemberProfile(userId: string, dto: UserInfoDto): MemberProfile {
  const address = dto.addressInfo;
  return {
    // The id asked about: the answer's, when present, was checked to be the same.
    userId,
    userName: dto.userName,
    loginId: dto.loginId,
    mobileNumberMasked: dto.mobileNumber === undefined ? undefined : maskMobileNumber(dto.mobileNumber),
    emailMasked: dto.email === undefined ? undefined : maskEmail(dto.email),
    joinChannel: dto.joinChannel,
    address: address && {
      address: address.address,
      addressDetail: address.addressDetail,
      zipCode: address.zipCode,
    },
  };
}

export function toMemberContact(userId: string, dto: UserInfoDto): MemberContact {
  return { userId, mobileNumber: dto.mobileNumber, email: dto.email, birthDate: dto.birthDate };
}

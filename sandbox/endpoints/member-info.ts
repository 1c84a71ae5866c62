import { z } from 'zod';
import { JsonNumber, type JsonValue } from '../json-body';
import type { Member } from '../state';
import { parseRequest, requireMember, userIdSchema, type EndpointContext, type SuccessData } from './common';

/**
 * POST /api/v1/user/info (encrypted): the member's profile. userId is answered as a JSON
 * number literal, as sent. A member without a fixture profile gets a placeholder one
 * (login id and contact made from the userId), so any fixture works.
 */

const requestSchema = z.object({ userId: userIdSchema });

function profileOf(member: Member): NonNullable<Member['profile']> {
  if (member.profile) return member.profile;
  const tail = member.userId.slice(-4).padStart(4, '0');
  return {
    loginId: `member${member.userId}`,
    email: `member${member.userId}@example.com`,
    mobileNumber: `010-0000-${tail}`,
    birthDate: '19900101',
    gender: 'F',
    nationality: 'KR',
  };
}

export function handleMemberInfo(body: JsonValue, context: EndpointContext): SuccessData {
  const request = parseRequest(requestSchema, body);
  const member = requireMember(context, request.userId);
  const profile = profileOf(member);
  return {
    userInfo: {
      userId: new JsonNumber(member.userId),
      userName: member.name,
      loginId: profile.loginId,
      email: profile.email,
      mobileNumber: profile.mobileNumber,
      birthDate: profile.birthDate,
      gender: profile.gender,
      nationality: profile.nationality,
      joinChannel: profile.joinChannel,
      addressInfo: profile.addressInfo,
    },
  };
}

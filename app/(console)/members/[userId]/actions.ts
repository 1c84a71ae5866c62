'use server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { invalidState, protectedAction } from '@/lib/auth/protected-action';
import { refuseCardActionInput } from '@/lib/cards/card-action';
import { submitOnce } from '@/lib/cards/submit-once';
import type { ActionState } from '@/lib/domain/action-state';
import type { MemberContact } from '@/lib/domain/member';
import { errorFields, logger } from '@/lib/log/logger';
import { requestClient } from '@/lib/audit/record';
import { addMemberNote } from '@/lib/members/notes';
import { revealMemberContact } from '@/lib/members/profile';
import { userIdSchema } from '@/lib/schemas/fields';
import type { MemberNote } from '@/lib/domain/member-note';
import { memberNoteFormSchema } from '@/lib/schemas/member-note';

/**
 * The member header's and notes panel's actions, bound by the page to its member:
 * `action.bind(null, userId)`; the bound id is checked again here.
 */

/**
 * The member's full mobile number, e-mail and birth date, for this operator only: an audited
 * call each time (never kept, never logged); the page shows them until it is left.
 */
export const revealMemberContactAction = protectedAction(
  'members.reveal',
  async (operator, userId: string): Promise<ActionState<MemberContact>> => {
    const member = userIdSchema.safeParse(userId);
    if (!member.success) return invalidState(member.error, (await getTranslations('cardActions.answer'))('badPage'));
    return revealMemberContact(operator, member.data);
  },
);

/**
 * Leaves a note on the member: checked by the form's schema again, stored with its audit event
 * in one transaction, once per idempotency key (a double submission adds one note). A refused
 * note is audited as refused and nothing is stored.
 */
export const addMemberNoteAction = protectedAction(
  'members.notes',
  async (operator, userId: string, _prev: ActionState<MemberNote>, formData: FormData): Promise<ActionState<MemberNote>> => {
    const member = userIdSchema.safeParse(userId);
    const form = memberNoteFormSchema.safeParse({ body: formData.get('body'), idempotencyKey: formData.get('idempotencyKey') });
    if (!member.success || !form.success) {
      const error = new z.core.$ZodError([...(member.error?.issues ?? []), ...(form.error?.issues ?? [])]);
      return refuseCardActionInput(operator, 'member-note', { error, memberId: member.success ? member.data : undefined });
    }
    const memberId = member.data;
    const { body, idempotencyKey } = form.data;
    return submitOnce({ key: idempotencyKey, operatorId: operator.id, action: 'member-note' }, async (): Promise<ActionState<MemberNote>> => {
      try {
        const note = await addMemberNote({ author: operator, memberId, body }, { client: await requestClient() });
        return { status: 'ok', data: note, message: (await getTranslations('members.notes'))('added') };
      } catch (error) {
        // One transaction: neither the note nor its event was stored.
        logger().error({ operator: operator.email, memberId, error: errorFields(error) }, 'member note not stored');
        return { status: 'unavailable', message: (await getTranslations('members.notes'))('notStored') };
      }
    });
  },
);

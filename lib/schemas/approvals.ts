import * as z from 'zod/mini';
import { APPROVAL_RULES } from '@/lib/domain/approvals';
import { residentRegistrationNoSchema } from './card-requests';
import { problem } from './problem';
import { tooLong, visibleText } from './text';

/** A checker's decision on a request. The comment is required to reject; free text, refused when it holds hidden characters. */
export const DECISION_COMMENT_MAX = 500;

export const decisionFormSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: problem('invalid') }),
    comment: z._default(visibleText().check(z.maxLength(DECISION_COMMENT_MAX, tooLong(DECISION_COMMENT_MAX))), ''),
    /** Only for a debit issuance, whose request does not keep it. */
    residentRegistrationNo: z._default(z.union([z.literal(''), residentRegistrationNoSchema]), ''),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.decision === 'reject' && !value.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: problem('approval.commentRequired') });
    }),
  );
export type DecisionForm = z.output<typeof decisionFormSchema>;

/** The decision on a debit issuance: its approval needs the identity number the request did not keep. */
export const identityDecisionFormSchema = decisionFormSchema.check(
  z.superRefine((value, ctx) => {
    if (value.decision === 'approve' && !value.residentRegistrationNo) {
      ctx.addIssue({ code: 'custom', path: ['residentRegistrationNo'], message: problem('debit.residentRegistrationNo') });
    }
  }),
);

export const approvalPolicyFormSchema = z.object({
  enabled: z.boolean({ error: problem('invalid') }),
  rules: z.array(z.enum(APPROVAL_RULES, { error: problem('invalid') })),
  balanceThresholdKrw: visibleText().check(z.regex(/^(\d{1,15})?$/, problem('approval.threshold'))),
  ttlMinutes: z.pipe(
    z.pipe(visibleText().check(z.regex(/^\d{1,4}$/, problem('approval.ttl'))), z.transform(Number)),
    z.number().check(z.gte(1, problem('approval.ttl')), z.lte(1440, problem('approval.ttl'))),
  ),
});
export type ApprovalPolicyForm = z.output<typeof approvalPolicyFormSchema>;

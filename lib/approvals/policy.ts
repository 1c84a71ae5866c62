import 'server-only';
import { eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/audit/append';
import { getDb, type Database } from '@/lib/db/client';
import { approvalPolicy } from '@/lib/db/schema';
import { APPROVAL_RULES, type ApprovableAction, type ApprovalPolicy, type ApprovalRule } from '@/lib/domain/approvals';
import type { StatusChangeReason } from '@/lib/domain/status-reasons';
import { env, type Env } from '@/lib/env';
import { defaultAuditRecorder, type AuditRecorder } from '@/lib/review/audit';

/**
 * Which actions wait for a second operator. The env sets the starting policy (MAKER_CHECKER,
 * APPROVAL_RULES, APPROVAL_BALANCE_THRESHOLD_KRW, APPROVAL_TTL_MINUTES); an admin may change it
 * on the Approvals policy page, and then the stored one applies on every console instance.
 * Off by default: a programme that does not want dual control sees nothing of it.
 */

export function policyFromEnv(source: Env = env()): ApprovalPolicy {
  return {
    enabled: source.MAKER_CHECKER,
    rules: [...source.APPROVAL_RULES],
    balanceThresholdKrw: source.APPROVAL_BALANCE_THRESHOLD_KRW ?? null,
    ttlMinutes: source.APPROVAL_TTL_MINUTES,
  };
}

export async function currentApprovalPolicy(options: { db?: Database; source?: Env } = {}): Promise<ApprovalPolicy> {
  const db = options.db ?? (await getDb());
  const [row] = await db.select().from(approvalPolicy).where(eq(approvalPolicy.id, 'current')).limit(1);
  return row ? normalise(row.policy) : policyFromEnv(options.source);
}

/** A stored policy from an older build may name a rule this one dropped: it is ignored. */
function normalise(policy: ApprovalPolicy): ApprovalPolicy {
  return { ...policy, rules: policy.rules.filter((rule): rule is ApprovalRule => (APPROVAL_RULES as readonly string[]).includes(rule)) };
}

/** Stores the policy an admin set, then audits the change (before and after). */
export async function setApprovalPolicy(
  input: { actor: AuditActor & { id: string; email: string }; policy: ApprovalPolicy },
  deps: { db?: Database; audit?: AuditRecorder } = {},
): Promise<void> {
  const db = deps.db ?? (await getDb());
  const before = await currentApprovalPolicy({ db });
  const values = { id: 'current', policy: input.policy, updatedBy: input.actor.id, updatedByEmail: input.actor.email, updatedAt: new Date() };
  await db.insert(approvalPolicy).values(values).onConflictDoUpdate({ target: approvalPolicy.id, set: values });
  await (deps.audit ?? defaultAuditRecorder)({
    actor: input.actor,
    action: 'approval-policy-change',
    outcome: 'ok',
    request: { before: { ...before }, after: { ...input.policy } },
  });
}

/** What the policy needs to know about an action to decide. */
export interface ApprovalSubject {
  action: ApprovableAction;
  reason?: StatusChangeReason | null;
  /** The card's balance as the platform gave it (decimal text), when the action is on a card. */
  balance?: string | null;
}

export function approvalNeeded(policy: ApprovalPolicy, subject: ApprovalSubject): boolean {
  if (!policy.enabled) return false;
  const rule: ApprovalRule | undefined =
    subject.action === 'suspend-card' ? (subject.reason === 'stolen' ? 'suspend-stolen' : undefined) : subject.action;
  if (rule && policy.rules.includes(rule)) return true;
  return policy.balanceThresholdKrw !== null && subject.balance != null && decimalAbove(subject.balance, policy.balanceThresholdKrw);
}

/** `a > b` for non-negative decimal texts, exactly (no floating point); unreadable text is not above. */
export function decimalAbove(a: string, b: string): boolean {
  const scaled = (text: string): bigint | undefined => {
    const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text.trim());
    if (!match) return undefined;
    return BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
  };
  const left = scaled(a);
  const right = scaled(b);
  return left !== undefined && right !== undefined && left > right;
}

/** Who last changed the stored policy, and when; undefined while the env's applies. */
export async function approvalPolicyChange(options: { db?: Database } = {}): Promise<{ email: string; at: Date } | undefined> {
  const db = options.db ?? (await getDb());
  const [row] = await db.select().from(approvalPolicy).where(eq(approvalPolicy.id, 'current')).limit(1);
  return row && { email: row.updatedByEmail, at: row.updatedAt };
}

import 'server-only';
import { eq, gte } from 'drizzle-orm';
import { latestPendingRequest } from '@/lib/approvals/requests';
import { listAuditEventsWhere } from '@/lib/audit/queries';
import { getDb } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import type { AuditAction } from '@/lib/domain/audit';

/** An operator's successful action on a card, as the audit trail kept it. */
export interface LastCardAction {
  /** ISO time. */
  at: string;
  operatorEmail: string | null;
  request: Record<string, unknown>;
}

/**
 * The newest successful `action` on the card `par` of member `memberId`: what the console itself
 * did, which the platform's statuses do not say (when a card was suspended, by whom a
 * replacement was asked for, which application replaced it).
 */
export async function lastCardAction(memberId: string, par: string, action: AuditAction): Promise<LastCardAction | undefined> {
  const [listed] = await listAuditEventsWhere(
    await getDb(),
    [eq(auditEvents.cardRef, par), eq(auditEvents.memberId, memberId), eq(auditEvents.action, action), eq(auditEvents.outcome, 'ok')],
    1,
  );
  if (!listed) return undefined;
  const { at, operatorEmail, requestSummary } = listed.event;
  return { at, operatorEmail, request: requestSummary ?? {} };
}

/** A replacement this console asked for: who, when, and how long ago. */
export interface PendingReplacement {
  at: string;
  operator: string;
  minutesAgo: number;
}

/** How long a reissuance counts as pending for the preview: its card is still on its way. */
const PENDING_WINDOW_MS = 24 * 3_600_000;

/**
 * The replacement asked for this card within the last day, if any: the console's own reissuance,
 * or one waiting for approval (maker–checker). The reissuance preview says so ("already
 * requested N minutes ago by …") before a second one is asked for; a checker's preview leaves
 * out the request they are deciding (`exceptRequest`).
 */
export async function pendingReplacement(
  memberId: string,
  par: string,
  options: { now?: Date; exceptRequest?: string } = {},
): Promise<PendingReplacement | undefined> {
  const now = options.now ?? new Date();
  const [[listed], held] = await Promise.all([
    listAuditEventsWhere(
      await getDb(),
      [
        eq(auditEvents.cardRef, par),
        eq(auditEvents.memberId, memberId),
        eq(auditEvents.action, 'reissue-prepaid'),
        eq(auditEvents.outcome, 'ok'),
        gte(auditEvents.at, new Date(now.getTime() - PENDING_WINDOW_MS)),
      ],
      1,
    ),
    latestPendingRequest({ action: 'reissue-prepaid', memberId, cardRef: par, now, except: options.exceptRequest }),
  ]);
  const asked = [
    listed && { at: listed.event.at, operator: listed.event.operatorEmail ?? '—' },
    held && { at: held.createdAt, operator: held.makerEmail },
  ].filter((candidate) => candidate !== undefined);
  const latest = asked.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  if (!latest) return undefined;
  return { ...latest, minutesAgo: Math.max(0, Math.round((now.getTime() - Date.parse(latest.at)) / 60_000)) };
}

// Test-only helpers for the database suites of lib/review.
import { appendAuditEvent, appendLockedBatch, lockChain, type AuditInput, type PendingEvent } from '@/lib/audit/append';
import type { Database } from '@/lib/db/client';
import type { Role } from '@/lib/domain/permissions';
import { parseEnv } from '@/lib/env';
import type { AuditRecorder } from '../audit';
import { reviewSettings, type ReviewSettings } from '../settings';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The defaults of every FINDINGS_* and ACCESS_REVIEW_* setting, with `overrides`. */
export function testSettings(overrides: Partial<ReviewSettings> = {}): ReviewSettings {
  return { ...reviewSettings(parseEnv({})), ...overrides };
}

export interface TestActor {
  id: string;
  email: string;
  roles: Role[];
}

/** Operator number `n` (an agent unless `roles` says otherwise): a fixed id and e-mail. */
export function operator(n: number, roles: Role[] = ['agent']): TestActor {
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, email: `op${n}@konaplate.test`, roles };
}

/** Member number `n`: a 19-digit member id. */
export const member = (n: number): string => String(1_000_000_000_000_000_000n + BigInt(n));

/** One event at `at`: `input` with the actor as `actor`. */
export function event(at: Date, actor: TestActor | null, input: Omit<AuditInput, 'actor'>): PendingEvent {
  return {
    input: { actor: actor ? { ...actor, roles: [...actor.roles] } : { id: null, email: null, roles: [] }, ...input },
    options: { at },
  };
}

/** Appends the events (chained, in the order given) in batches; returns their ids. */
export async function seed(db: Database, events: readonly PendingEvent[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const appended = await db.transaction(async (tx) => {
      await lockChain(tx);
      return appendLockedBatch(tx as unknown as Database, batch);
    });
    ids.push(...appended.map((e) => e.id));
  }
  return ids;
}

/** An audit writer on `db` (what recordAudit is to the console's database). */
export const auditOn =
  (db: Database): AuditRecorder =>
  (input) =>
    appendAuditEvent(db, input);

import 'server-only';
import type { Database } from '@/lib/db/client';
import { appendLockedBatch, lockChain, type AppendedEvent, type AuditInput, type AppendOptions, type PendingEvent } from './append';

/** Enough to absorb a burst; small enough that one transaction stays short. */
const MAX_BATCH = 200;

interface Waiting extends PendingEvent {
  resolve: (event: AppendedEvent) => void;
  reject: (error: unknown) => void;
}

export type AppendToTrail = (input: AuditInput, options?: AppendOptions) => Promise<AppendedEvent>;

/**
 * Group commit for the audit trail. Appends that arrive while a commit is running wait for it,
 * then go together in the next one: one chain lock, one read of the last hash, one insert. Each
 * caller's promise settles only when the transaction holding its event has committed (or
 * failed), so nothing is acknowledged before it is durable, and a failure fails every event of
 * its batch, never silently one of them.
 */
export function groupCommitter(database: () => Promise<Database>): AppendToTrail {
  const queue: Waiting[] = [];
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const db = await database();
        const events = await db.transaction(async (tx) => {
          await lockChain(tx);
          return appendLockedBatch(tx as unknown as Database, batch);
        });
        batch.forEach((waiting, i) => waiting.resolve(events[i]!));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    draining = null;
  }

  return (input, options) =>
    new Promise<AppendedEvent>((resolve, reject) => {
      queue.push({ input, options, resolve, reject });
      // One turn of the event loop first: the appends of requests already under way (their
      // I/O answered, their callbacks queued) join this batch instead of each waiting for the next.
      draining ??= new Promise((next) => setImmediate(next)).then(drain);
    });
}

/**
 * The same idea for a check: `probe` runs once for every caller that arrived while the previous
 * run was going on. A caller never takes the answer of a run that started before it asked (the
 * store might have failed since), so each learns the state at or after its call, at one query
 * per burst of callers rather than one each.
 */
export function groupProbe(probe: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    running = probe().finally(() => {
      running = null;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}

import 'server-only';
import { getDb, type Database } from '@/lib/db/client';
import { errorFields, logger } from '@/lib/log/logger';
import { runScheduledFindings, type RunFindingsResult } from './runs';
import { reviewSettings, type ReviewSettings } from './settings';
import { MINUTE_MS } from './time';

/**
 * The findings schedule of one console process: a run every FINDINGS_INTERVAL_MINUTES (runs.ts
 * keeps it to one run at a time across instances, and instances take turns). Call it once at
 * start-up, after the database is migrated:
 *
 *   if (env().FINDINGS_INTERVAL_MINUTES > 0) startFindingsSchedule();
 *
 * Timers are unref'd (they never keep a process alive); a run in progress is awaited by stop().
 */
export interface FindingsSchedule {
  readonly intervalMs: number;
  /** Stops the timer; resolves when a run under way has finished. */
  stop(): Promise<void>;
}

export interface FindingsScheduleOptions {
  /** Defaults to FINDINGS_INTERVAL_MINUTES. */
  intervalMs?: number;
  /** The first run: by default 30 to 60 s after start-up (instances started together do not collide). */
  firstRunDelayMs?: number;
  /** Another database than the console's (tests); the process-wide schedule is only the default one. */
  database?: () => Promise<Database>;
  settings?: ReviewSettings;
  /** Called after each attempt (tests, metrics). */
  onResult?: (result: RunFindingsResult) => void;
}

const globalKey = Symbol.for('konaplate.findings-schedule');
type GlobalWithSchedule = typeof globalThis & { [globalKey]?: FindingsSchedule };

/** Starts the schedule; for the console's own database, once per process (a second call returns the first). */
export function startFindingsSchedule(options: FindingsScheduleOptions = {}): FindingsSchedule {
  const store = globalThis as GlobalWithSchedule;
  const processWide = options.database === undefined;
  if (processWide && store[globalKey]) return store[globalKey];

  const settings = options.settings ?? reviewSettings();
  const intervalMs = options.intervalMs ?? settings.intervalMinutes * MINUTE_MS;
  const database = options.database ?? getDb;
  let stopped = intervalMs <= 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | undefined;

  const tick = async () => {
    try {
      const result = await runScheduledFindings({ db: await database(), settings, intervalMs });
      if (result.status === 'busy') logger().info({ runningSince: result.running.startedAt }, 'findings run skipped: another run is under way');
      options.onResult?.(result);
    } catch (error) {
      logger().error({ error: errorFields(error) }, 'scheduled findings run could not start');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(() => {
        current = undefined;
        schedule(intervalMs);
      });
    }, delay);
    timer.unref?.();
  };

  if (stopped) logger().info('findings schedule off (FINDINGS_INTERVAL_MINUTES=0): run the rules from the findings page');
  schedule(options.firstRunDelayMs ?? 30_000 + Math.floor(Math.random() * 30_000));

  const handle: FindingsSchedule = {
    intervalMs,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      if (processWide && store[globalKey] === handle) store[globalKey] = undefined;
    },
  };
  if (processWide) store[globalKey] = handle;
  return handle;
}

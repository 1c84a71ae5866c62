/**
 * Runs the findings rules over the audit trail once (PGlite in PGLITE_DIR, or PostgreSQL when
 * DATABASE_URL is set): what the console's schedule does every FINDINGS_INTERVAL_MINUTES, for a
 * cron job, a backfill or a check by hand. Like a scheduled run it reviews what came since the
 * last scheduled run (the last FINDINGS_DEFAULT_RANGE_HOURS at first), or the range given, and
 * waits its turn if a console is running the rules just then.
 *
 *   npx tsx --conditions=react-server scripts/findings-run.ts [--from 2026-05-01T00:00+09:00] [--to …]
 *
 * Exit code 0 when the run completed, 3 when another run was under way, 1 when it failed or was
 * refused, 2 when it could not start.
 */
import { runFindings } from '@/lib/review/runs';
import { describeDatabase, runScript, withConfiguredDatabase } from './run-script';

function time(name: string): Date | undefined {
  const index = process.argv.indexOf(name);
  if (index < 0) return undefined;
  const value = new Date(process.argv[index + 1] ?? '');
  if (Number.isNaN(value.getTime())) throw new Error(`${name} expects an ISO time with its zone, e.g. 2026-05-01T00:00+09:00`);
  return value;
}

runScript(
  '[findings]',
  'run could not start',
  () =>
    withConfiguredDatabase({ migrate: true }, async (db) => {
      const from = time('--from');
      const to = time('--to');
      console.log(`[findings] running the rules in ${describeDatabase(db)}`);
      const result = await runFindings({ db, trigger: 'schedule', from, to });
      switch (result.status) {
        case 'completed': {
          const { run, found, chain } = result;
          console.log(`[findings] ${run.rangeFrom} → ${run.rangeTo}: ${run.findingsNew} new, ${run.findingsUpdated} updated findings`);
          for (const [rule, count] of Object.entries(found)) if (count) console.log(`[findings]   ${rule}: ${count}`);
          console.log(`[findings] audit chain ${chain.ok ? 'OK' : 'BROKEN'} (${chain.checked} events checked${chain.full ? ' from its start' : ' since the last run'})`);
          return 0;
        }
        case 'busy':
          console.log(`[findings] another run has been under way since ${result.running.startedAt}`);
          return 3;
        case 'skipped':
          console.log(`[findings] nothing to do (${result.reason})`);
          return 0;
        case 'refused':
          console.error(`[findings] refused: ${result.reason === 'range' ? `a range of at most 31 days, from before to` : result.reason}`);
          return 1;
        case 'failed':
          console.error(`[findings] run ${result.run.id} failed: ${result.error}`);
          return 1;
      }
    }),
  2,
);

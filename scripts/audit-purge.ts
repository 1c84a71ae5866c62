/**
 * Removes audit events older than the retention period (AUDIT_RETENTION_DAYS, default 1825,
 * at least 30 — the database refuses anything newer), and card-state rows older than it that a
 * newer row of the same card supersedes. The purge is itself recorded as an `audit-purge` event
 * (a refused purge too), and the chain stays verifiable from the first remaining event.
 *
 *   npx tsx --conditions=react-server scripts/audit-purge.ts [--dry-run]
 */
import os from 'node:os';
import { purgeAuditEvents } from '@/lib/audit/purge';
import { auditRetentionDays } from '@/lib/audit/retention';
import { describeDatabase, runScript, withConfiguredDatabase } from './run-script';

runScript('[audit]', 'purge failed', () =>
  withConfiguredDatabase({ migrate: true }, async (db) => {
    const retentionDays = auditRetentionDays();
    const dryRun = process.argv.includes('--dry-run');
    console.log(`[audit] ${describeDatabase(db)}`);
    const report = await purgeAuditEvents(db, {
      retentionDays,
      dryRun,
      context: { by: 'scripts/audit-purge.ts', osUser: os.userInfo().username, host: os.hostname() },
    });
    const verb = dryRun ? 'would remove' : 'removed';
    console.log(
      `[audit] retention ${retentionDays} days, cutoff ${report.cutoff.toISOString()}: ${verb} ${report.deletedEvents} audit event(s) and ${report.deletedCardStates} superseded card-state row(s).`,
    );
    if (report.lastPurged) console.log(`[audit] the chain now starts after event ${report.lastPurged.id} (hash ${report.lastPurged.hash}).`);
    if (report.purgeEventId !== null) console.log(`[audit] recorded as audit event ${report.purgeEventId}.`);
  }),
);

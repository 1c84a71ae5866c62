/**
 * Removes audit events older than the retention period (AUDIT_RETENTION_DAYS, default 1825,
 * at least 30 — the database refuses anything newer), and card-state rows older than it that a
 * newer row of the same card supersedes. The purge is itself recorded as an `audit-purge` event
 * (a refused purge too), and the chain stays verifiable from the first remaining event.
 *
 *   npx tsx --conditions=react-server scripts/audit-purge.ts [--dry-run]
 */
import os from 'node:os';
import { closeDatabase, databaseDriver, databaseLocation, openDatabase } from '@/lib/db/client';
import { purgeAuditEvents } from '@/lib/audit/purge';
import { auditRetentionDays } from '@/lib/audit/retention';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const settings = env();
  const retentionDays = auditRetentionDays();
  const dryRun = process.argv.includes('--dry-run');
  const db = await openDatabase({ databaseUrl: settings.DATABASE_URL, pgliteDir: settings.PGLITE_DIR });
  try {
    console.log(`[audit] ${databaseDriver(db) === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${databaseLocation(db)}`);
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
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[audit] purge failed:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error('[audit] cause:', error.cause instanceof Error ? error.cause.message : error.cause);
    process.exit(1);
  },
);

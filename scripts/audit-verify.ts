/**
 * Verifies the audit trail's hash chain (PGlite in PGLITE_DIR, or PostgreSQL when DATABASE_URL
 * is set), streamed in id order in batches. Exit code 0 when intact, 1 at the first broken link
 * (printed with its id, expected and stored hash), 2 when it could not run.
 *
 *   npx tsx --conditions=react-server scripts/audit-verify.ts [--batch-size 5000]
 *
 * Keep the printed head hash somewhere outside the database (ticket, log archive): a later run
 * whose chain no longer contains it shows the chain was rewritten wholesale.
 */
import { describeVerification, verifyAuditChain } from '@/lib/audit/verify';
import { describeDatabase, runScript, withConfiguredDatabase } from './run-script';

function batchSize(): number {
  const index = process.argv.indexOf('--batch-size');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 5_000;
  if (!Number.isInteger(value) || value < 1) throw new Error('--batch-size expects a positive whole number');
  return value;
}

runScript(
  '[audit]',
  'verification could not run',
  () =>
    withConfiguredDatabase({ migrate: false }, async (db) => {
      console.log(`[audit] verifying the chain in ${describeDatabase(db)}`);
      const started = performance.now();
      let lastReport = started;
      const result = await verifyAuditChain(db, {
        batchSize: batchSize(),
        onProgress: (checked) => {
          if (performance.now() - lastReport > 2_000) {
            lastReport = performance.now();
            console.log(`[audit]   ${checked} events checked…`);
          }
        },
      });
      console.log(describeVerification(result));
      console.log(`[audit] ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return result.ok ? 0 : 1;
    }),
  2,
);

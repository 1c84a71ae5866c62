/**
 * Applies the database migrations (PGlite in PGLITE_DIR, or PostgreSQL when DATABASE_URL is
 * set) and, when the upstream is the local sandbox, seeds the demo operators.
 *
 *   npx tsx --conditions=react-server scripts/db-migrate.ts
 *
 * `--conditions=react-server` makes the `server-only` marker in lib/ resolve to its empty
 * module outside Next (it throws otherwise).
 */
import { migrate } from '@/lib/db/client';
import { DEMO_OPERATOR_PASSWORD, seedDemoOperators } from '@/lib/db/seed';
import { env } from '@/lib/env';
import { describeDatabase, runScript, withConfiguredDatabase } from './run-script';

runScript('[db]', 'migration failed', () =>
  withConfiguredDatabase({ migrate: false }, async (db) => {
    console.log(`[db] ${describeDatabase(db)}`);

    const { applied, total } = await migrate(db);
    console.log(
      applied === 0
        ? `[db] schema up to date (${total} migration${total === 1 ? '' : 's'})`
        : `[db] applied ${applied} of ${total} migration${total === 1 ? '' : 's'}`,
    );

    if (env().upstreamIsSandbox) {
      const { created, existing } = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
      if (created.length > 0) {
        console.log(`[db] demo operators created (password "${DEMO_OPERATOR_PASSWORD}"): ${created.join(', ')}`);
      }
      if (existing.length > 0) console.log(`[db] demo operators already present, left unchanged: ${existing.join(', ')}`);
    } else {
      console.log('[db] upstream is not the sandbox: no demo operators seeded');
    }
  }),
);

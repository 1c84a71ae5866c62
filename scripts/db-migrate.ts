/**
 * Applies the database migrations (PGlite in PGLITE_DIR, or PostgreSQL when DATABASE_URL is
 * set) and, when the upstream is the local sandbox, seeds the demo operators.
 *
 *   npx tsx --conditions=react-server scripts/db-migrate.ts
 *
 * `--conditions=react-server` makes the `server-only` marker in lib/ resolve to its empty
 * module outside Next (it throws otherwise).
 */
import { closeDatabase, databaseDriver, databaseLocation, migrate, openDatabase } from '@/lib/db/client';
import { DEMO_OPERATOR_PASSWORD, seedDemoOperators } from '@/lib/db/seed';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const settings = env();
  const db = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    pgliteDir: settings.PGLITE_DIR,
    migrate: false,
  });
  try {
    const driver = databaseDriver(db);
    console.log(`[db] ${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${databaseLocation(db)}`);

    const { applied, total } = await migrate(db);
    console.log(
      applied === 0
        ? `[db] schema up to date (${total} migration${total === 1 ? '' : 's'})`
        : `[db] applied ${applied} of ${total} migration${total === 1 ? '' : 's'}`,
    );

    if (settings.upstreamIsSandbox) {
      const { created, existing } = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
      if (created.length > 0) {
        console.log(`[db] demo operators created (password "${DEMO_OPERATOR_PASSWORD}"): ${created.join(', ')}`);
      }
      if (existing.length > 0) console.log(`[db] demo operators already present, left unchanged: ${existing.join(', ')}`);
    } else {
      console.log('[db] upstream is not the sandbox: no demo operators seeded');
    }
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[db] migration failed:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error('[db] cause:', error.cause);
    process.exit(1);
  },
);

import 'server-only';
import { databaseDriver, databaseLocation, DEMO_OPERATOR_PASSWORD, getDb, seedDemoOperators } from '@/lib/db';
import { env, EnvError } from '@/lib/env';

/**
 * Server start-up, before the first request: validate the configuration (a bad setting
 * stops the server with a message naming it), migrate the database, and seed the demo
 * operators while the upstream is the local sandbox.
 */
export async function startUp(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nKonaplate Console cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const db = await getDb();
  console.log(`Database: ${databaseDriver(db)} at ${databaseLocation(db)} (migrated)`);
  if (env().upstreamIsSandbox) {
    const seeded = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
    if (seeded.created.length > 0) console.log(`Seeded demo operators: ${seeded.created.join(', ')}`);
  }
}

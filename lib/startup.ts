import 'server-only';
import { databaseDriver, databaseLocation, DEMO_OPERATOR_PASSWORD, getDb, seedDemoOperators } from '@/lib/db';
import { env, EnvError } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { startFindingsSchedule } from '@/lib/review/schedule';

/**
 * Server start-up, before the first request: validate the configuration (a bad setting
 * stops the server with a message naming it), migrate the database, seed the demo
 * operators while the upstream is the local sandbox, and start the findings schedule.
 */
export async function startUp(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      logger().fatal(`Konaplate Console cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const db = await getDb();
  logger().info({ driver: databaseDriver(db), location: databaseLocation(db) }, 'database migrated');
  if (env().upstreamIsSandbox) {
    const seeded = await seedDemoOperators(db, { password: DEMO_OPERATOR_PASSWORD });
    if (seeded.created.length > 0) logger().info({ operators: seeded.created }, 'demo operators seeded');
  }
  // PCI DSS 10.4.1.1: the audit trail reviewed by automated rules, every FINDINGS_INTERVAL_MINUTES.
  startFindingsSchedule();
}

import 'server-only';

export {
  closeDatabase,
  databaseDriver,
  databaseLocation,
  getDb,
  migrate,
  migrationsFolder,
  openDatabase,
  queryRows,
  redactUrl,
  type Database,
  type DatabaseDriver,
  type MigrationReport,
  type OpenDatabaseOptions,
} from './client';
export * from './schema';
export { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS, seedDemoOperators, type SeedReport } from './seed';

/**
 * What the command-line scripts share: running `main` to an exit code, and opening the
 * configured database (PGlite in PGLITE_DIR, or PostgreSQL when DATABASE_URL is set).
 */
import { closeDatabase, databaseDriver, databaseLocation, openDatabase, type Database } from '@/lib/db/client';
import { env } from '@/lib/env';

/**
 * Runs `main` and exits with the code it returns (0 when none). On a failure, prints
 * `<tag> <failure>: <message>` and the error's cause, and exits with `failureCode`.
 */
export function runScript(tag: string, failure: string, main: () => Promise<number | void>, failureCode = 1): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`${tag} ${failure}:`, error instanceof Error ? error.message : error);
      if (error instanceof Error && error.cause) console.error(`${tag} cause:`, error.cause);
      process.exit(failureCode);
    },
  );
}

/** "PGlite: /path" or "PostgreSQL: postgres://…" (password redacted), for the first line a script prints. */
export function describeDatabase(db: Database): string {
  return `${databaseDriver(db) === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${databaseLocation(db)}`;
}

/** Opens the configured database, runs `work` on it, and closes it whatever happens. */
export async function withConfiguredDatabase<T>(options: { migrate: boolean }, work: (db: Database) => Promise<T>): Promise<T> {
  const settings = env();
  const db = await openDatabase({ databaseUrl: settings.DATABASE_URL, pgliteDir: settings.PGLITE_DIR, migrate: options.migrate });
  try {
    return await work(db);
  } finally {
    await closeDatabase(db);
  }
}

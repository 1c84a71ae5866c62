// Test-only helpers for the database suites of lib/db.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { closeDatabase, openDatabase, type Database, type OpenDatabaseOptions } from '../client';
import { postgresUnavailableReason, startPostgres, type PostgresServer } from './postgres-server';

/**
 * The one database a suite's tests share, in the order they are written (later tests see what
 * earlier ones stored): opened and migrated before the first test, closed after the last.
 */
export interface SuiteDatabase {
  /** The open handle; a test that closes it puts the reopened one back here. */
  db: Database;
  /** What it was opened with, to open the same database again. */
  readonly options: OpenDatabaseOptions;
}

/** Registers the hooks that open the suite's database on `setup`'s target and close it after. */
function suiteDatabase(setup: () => Promise<OpenDatabaseOptions>, teardown: () => Promise<void>): SuiteDatabase {
  let db: Database | undefined;
  let options: OpenDatabaseOptions | undefined;

  beforeAll(async () => {
    options = await setup();
    db = await openDatabase(options);
  }, 120_000);

  afterAll(async () => {
    if (db) await closeDatabase(db);
    await teardown();
  }, 60_000);

  const notOpenYet = () => new Error('the suite database opens in beforeAll: use it inside a test');
  return {
    get db() {
      if (!db) throw notOpenYet();
      return db;
    },
    set db(reopened) {
      db = reopened;
    },
    get options() {
      if (!options) throw notOpenYet();
      return options;
    },
  };
}

/**
 * Runs `suite` on PGlite in a new temporary directory. `dataDir` is nested below it, so opening
 * the database must create the missing parents.
 */
export function describeOnPglite(title: string, suite: (database: SuiteDatabase, dataDir: () => string) => void): void {
  describe(`${title} on PGlite`, () => {
    let dir = '';
    const dataDir = () => path.join(dir, 'nested', 'pglite');
    const database = suiteDatabase(
      async () => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-pglite-'));
        return { pgliteDir: dataDir() };
      },
      async () => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    );
    suite(database, dataDir);
  });
}

/**
 * `describe(\`${title} on PostgreSQL\`)` where a server can be started here; elsewhere the same
 * suite skipped with the reason in its name, so the test report says why.
 */
export function describeIfPostgres(title: string, body: () => void): void {
  const unavailable = postgresUnavailableReason();
  describe.skipIf(unavailable !== undefined)(unavailable ? `${title} on PostgreSQL (skipped: ${unavailable})` : `${title} on PostgreSQL`, body);
}

/**
 * Runs `suite` on a throw-away PostgreSQL server when one can be started here; otherwise skips it
 * and says why.
 */
export function describeOnPostgres(title: string, suite: (database: SuiteDatabase, server: () => PostgresServer) => void): void {
  describeIfPostgres(title, () => {
    let server: PostgresServer | undefined;
    const runningServer = () => {
      if (!server) throw new Error('the PostgreSQL server starts in beforeAll: use it inside a test');
      return server;
    };
    const database = suiteDatabase(
      async () => {
        server = await startPostgres();
        return { databaseUrl: server.url };
      },
      async () => {
        await server?.stop();
      },
    );
    suite(database, runningServer);
  });
}

/** Runs `suite` on PGlite and on PostgreSQL: the schema's constraints must hold on both. */
export function describeOnDatabases(title: string, suite: (database: SuiteDatabase) => void): void {
  describeOnPglite(title, suite);
  describeOnPostgres(title, suite);
}

/** Message, cause and SQLSTATE of a failure (Drizzle wraps driver errors in `cause`). */
export async function failureOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const parts: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) {
      parts.push(e.message);
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string') parts.push(`code=${code}`);
    }
    return parts.join(' | ');
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

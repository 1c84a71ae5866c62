import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Pool } from 'pg';
import { env } from '@/lib/env';
import { errorFields, logger } from '@/lib/log/logger';
import * as schema from './schema';

/**
 * One Drizzle API over two drivers: embedded PGlite (default, data in `PGLITE_DIR`) or
 * PostgreSQL through a node-postgres Pool (when `DATABASE_URL` is set).
 *
 * Driver-specific result shapes differ (`db.execute()` returns PGlite `Results` or pg
 * `QueryResult`); both have `.rows`, see {@link queryRows}. Everything else (query builder,
 * relational queries, transactions) is identical.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** postgres:// URL: use PostgreSQL. Wins over `pgliteDir`. */
  databaseUrl?: string;
  /** PGlite data directory (relative to the project root, created if missing), or `memory://` for an in-memory database. */
  pgliteDir?: string;
  /** Apply migrations after opening (default true). */
  migrate?: boolean;
  /** PostgreSQL only: the pool's connections (default 10). */
  poolSize?: number;
}

export interface MigrationReport {
  /** Migrations applied by this call (0 when the schema was already current). */
  applied: number;
  /** Migrations known in lib/db/migrations. */
  total: number;
}

interface Handle {
  driver: DatabaseDriver;
  /** Where the data lives: the PGlite directory, or the PostgreSQL URL without its password. */
  location: string;
  close: () => Promise<void>;
  pool?: Pool;
}

const handles = new WeakMap<Database, Handle>();

/** Resolved from the project root: Next bundles server code away from this file's directory. */
export function migrationsFolder(): string {
  return path.resolve(process.cwd(), 'lib/db/migrations');
}

const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';
/** Arbitrary constant for pg_advisory_lock: serialises migrations of concurrent processes. */
const MIGRATION_LOCK_KEY = 7_261_353_001;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** Opens a database (not the process-wide one); close it with `closeDatabase(db)`. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openPglite(options.pgliteDir ?? env().PGLITE_DIR);
  if (options.migrate ?? true) {
    try {
      await migrate(db);
    } catch (error) {
      await closeDatabase(db).catch(() => undefined);
      throw error;
    }
  }
  return db;
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const [{ Pool }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new Pool({ connectionString: url, application_name: 'konaplate-console', max: poolSize });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger().error({ error: errorFields(error) }, 'idle PostgreSQL client error'));
  const db: Database = drizzle({ client: pool, schema });
  handles.set(db, { driver: 'postgres', location: redactUrl(url), pool, close: () => pool.end() });
  return db;
}

async function openPglite(dir: string): Promise<Database> {
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  // PostgreSQL's default 128 MB of shared buffers is touched at start-up and lives in the
  // console's own memory (WebAssembly); the console's working set fits in far less, and the
  // data files stay in the operating system's page cache anyway.
  const options = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
  let client: PGlite;
  let location: string;
  if (dir.startsWith('memory://')) {
    client = await PGlite.create(dir, options);
    location = dir;
  } else {
    location = path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
    mkdirSync(location, { recursive: true });
    client = await PGlite.create(location, options);
  }
  const db: Database = drizzle({ client, schema });
  handles.set(db, {
    driver: 'pglite',
    location,
    close: async () => {
      if (!client.closed) await client.close();
    },
  });
  return db;
}

function handleOf(db: Database): Handle {
  const handle = handles.get(db);
  if (!handle) throw new Error('Not a database opened by lib/db (use openDatabase or getDb).');
  return handle;
}

export function databaseDriver(db: Database): DatabaseDriver {
  return handleOf(db).driver;
}

export function databaseLocation(db: Database): string {
  return handleOf(db).location;
}

/** Rows of a raw `db.execute()`, whatever the driver. */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function appliedCount(db: Database): Promise<number> {
  const [table] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass(${`${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`}::text) is not null as exists`,
  );
  if (!table?.exists) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)}`,
  );
  return Number(row?.n ?? 0);
}

/** Applies pending migrations from lib/db/migrations; a no-op when the schema is current. */
export async function migrate(db: Database): Promise<MigrationReport> {
  const handle = handleOf(db);
  const config = {
    migrationsFolder: migrationsFolder(),
    migrationsSchema: MIGRATIONS_SCHEMA,
    migrationsTable: MIGRATIONS_TABLE,
  };
  const total = readMigrationFiles(config).length;

  if (handle.driver === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    const before = await appliedCount(db);
    // Opened by openPglite(), so this is a PgliteDatabase (the handle says so).
    await migratePglite(db as unknown as PgliteDatabase<typeof schema>, config);
    return { applied: (await appliedCount(db)) - before, total };
  }

  // PostgreSQL: several processes (app replicas, the migrate script) may start at once. Hold a
  // session advisory lock on one dedicated connection and migrate through that same connection.
  const pool = handle.pool;
  if (!pool) throw new Error('PostgreSQL handle without a pool');
  const [{ drizzle }, { migrate: migratePostgres }] = await Promise.all([
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const locked = drizzle({ client, schema });
      const before = await appliedCount(locked);
      await migratePostgres(locked, config);
      return { applied: (await appliedCount(locked)) - before, total };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Process-wide database                                                                      */
/* ------------------------------------------------------------------------------------------ */

// Kept on globalThis so that Next's dev-mode module reloading does not open a second PGlite
// instance on the same directory (which would corrupt it) or a second pool.
const globalKey = Symbol.for('konaplate.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };
const store = globalThis as GlobalWithDb;

/**
 * The process-wide database per `env()`: opened and migrated on first use; concurrent first
 * calls share one promise. A failed open is not cached (the next call retries).
 */
export function getDb(): Promise<Database> {
  let pending = store[globalKey];
  if (!pending) {
    const settings = env();
    pending = openDatabase({ databaseUrl: settings.DATABASE_URL, pgliteDir: settings.PGLITE_DIR, poolSize: settings.DATABASE_POOL_SIZE });
    store[globalKey] = pending;
    pending.catch(() => {
      if (store[globalKey] === pending) store[globalKey] = undefined;
    });
  }
  return pending;
}

/**
 * Closes `db` (one from `openDatabase`), or without an argument the process-wide database
 * (a later `getDb()` opens it again). Closing twice is harmless.
 */
export async function closeDatabase(db?: Database): Promise<void> {
  if (db) {
    const handle = handles.get(db);
    if (!handle) return;
    handles.delete(db);
    if (store[globalKey] && (await store[globalKey].catch(() => undefined)) === db) store[globalKey] = undefined;
    await handle.close();
    return;
  }
  const pending = store[globalKey];
  if (!pending) return;
  store[globalKey] = undefined;
  const current = await pending.catch(() => undefined);
  if (current) await closeDatabase(current);
}

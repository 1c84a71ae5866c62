// Test-only helper (no `import 'server-only'`): it must also load in plain Node, e.g. from a
// Playwright global setup, where the `server-only` marker would throw.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { findPostgresBinaries } from './postgres-binaries';
import { resolveRunAs, runPostgresCommand, type RunAs } from './postgres-user';

/**
 * Starts a throw-away PostgreSQL server for tests: `initdb` into a temporary directory, start it
 * with `pg_ctl` on a free loopback port (Unix socket in the same temporary directory), create a
 * database, and on `stop()` shut it down and delete everything.
 *
 * When the tests run as root, PostgreSQL runs as a non-root system user (postgres-user.ts) and
 * the temporary directory is handed to that user.
 */

export interface PostgresServer {
  /** Connection URL of the database created at start-up. */
  url: string;
  host: string;
  port: number;
  user: string;
  database: string;
  /** Temporary directory holding the data directory, the socket and the server log. */
  baseDir: string;
  /** Creates another (empty) database on this server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its files. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Name of the database to create (default `konaplate_test`). */
  database?: string;
}

const SUPERUSER = 'postgres';

/** Undefined when a PostgreSQL server can be started here; otherwise the reason it cannot. */
export function postgresUnavailableReason(): string | undefined {
  if (!findPostgresBinaries()) {
    return 'no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin — apt-get install postgresql';
  }
  const runAs = resolveRunAs();
  return typeof runAs === 'string' ? runAs : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(`Cannot start PostgreSQL: ${reason}`);
  const binaries = findPostgresBinaries()!;
  const runAs = resolveRunAs() as RunAs;
  const database = options.database ?? 'konaplate_test';

  // When root, /tmp (world-traversable) rather than a possibly private $TMPDIR; short paths
  // also keep the Unix socket path under its ~107-byte limit.
  const base = runAs.user || os.tmpdir().length > 60 ? '/tmp' : os.tmpdir();
  const baseDir = mkdtempSync(path.join(base, 'konaplate-pg-'));
  if (runAs.uid !== undefined && runAs.gid !== undefined) chownSync(baseDir, runAs.uid, runAs.gid);
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'server.log');

  let running = false;
  const stopSync = () => {
    if (running) {
      const [cmd, argv] = runAs.wrap(binaries.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      spawnSync(cmd, argv, { stdio: 'ignore' });
      running = false;
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  // If the test process dies without calling stop(), do not leave a server behind.
  process.once('exit', stopSync);

  try {
    await runPostgresCommand(runAs, binaries.initdb, [
      '-D', dataDir,
      '-U', SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k ${baseDir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await runPostgresCommand(runAs, binaries.pgCtl, ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-t', '60', '-w', 'start'], 90_000);
        running = true;
        break;
      } catch (error) {
        // Most likely someone grabbed the port between freePort() and start: try another one.
        if (attempt >= 3) throw new Error(`${(error as Error).message}\n--- server log ---\n${tail(logFile)}`);
      }
    }

    const host = '127.0.0.1';
    const urlFor = (name: string) => `postgres://${SUPERUSER}@${host}:${port}/${encodeURIComponent(name)}`;
    const createDatabase = async (name: string) => {
      const admin = new Client({ connectionString: urlFor('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } finally {
        await admin.end();
      }
      return urlFor(name);
    };
    const url = await createDatabase(database);

    let stopped = false;
    return {
      url,
      host,
      port,
      user: SUPERUSER,
      database,
      baseDir,
      createDatabase,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        try {
          if (running) await runPostgresCommand(runAs, binaries.pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
          running = false;
        } finally {
          stopSync();
        }
      },
    };
  } catch (error) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw error;
  }
}

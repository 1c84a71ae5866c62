import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from './migrations/meta/_journal.json';

/** Migrations in lib/db/migrations (the journal drizzle-kit keeps). */
const MIGRATIONS = journal.entries.length;

// getDb() reads env(): point PGLITE_DIR at a temp dir before lib/env is first used.
const dir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-getdb-'));
const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };

describe('getDb (process-wide database)', () => {
  let client: typeof import('./client');

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, 'pglite');
    client = await import('./client');
  });

  afterAll(async () => {
    await client?.closeDatabase();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('opens and migrates once; concurrent first calls share one database', async () => {
    const [a, b, c] = await Promise.all([client.getDb(), client.getDb(), client.getDb()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(client.databaseDriver(a)).toBe('pglite');
    expect(client.databaseLocation(a)).toBe(path.join(dir, 'pglite'));
    expect(existsSync(path.join(dir, 'pglite'))).toBe(true);
    expect(await client.migrate(a)).toEqual({ applied: 0, total: MIGRATIONS });
    expect(await client.getDb()).toBe(a);
  }, 60_000);

  it('reopens after closeDatabase()', async () => {
    const first = await client.getDb();
    await client.closeDatabase();
    await client.closeDatabase(); // twice is harmless
    const second = await client.getDb();
    expect(second).not.toBe(first);
    expect(await client.migrate(second)).toEqual({ applied: 0, total: MIGRATIONS });
  }, 60_000);

  it('redacts passwords from PostgreSQL URLs', () => {
    expect(client.redactUrl('postgres://app:s3cret@db.internal:5432/console')).toBe(
      'postgres://app:***@db.internal:5432/console',
    );
  });
});

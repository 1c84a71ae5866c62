// Test-only helpers for the database suites of lib/audit.
import { afterAll, beforeAll, describe } from 'vitest';
import { closeDatabase, openDatabase, type Database } from '@/lib/db/client';
import { describeIfPostgres } from '@/lib/db/testing/database-suite';
import { startPostgres, type PostgresServer } from '@/lib/db/testing/postgres-server';
import type { AuditInput } from '../append';

export { failureOf } from '@/lib/db/testing/database-suite';

export const DAY = 86_400_000;
export const MEMBER = '9007199254740993123';
export const AGENT = { id: '11111111-1111-4111-8111-111111111111', email: 'agent@konaplate.test', roles: ['agent'] as const };
export const PAR_A = 'PAR0000000000000000000000A1';
export const PAR_B = 'PAR0000000000000000000000B2';
export const MANAGER = { id: '22222222-2222-4222-8222-222222222222', email: 'manager@konaplate.test', roles: ['manager'] as const };

/** An agent's search of MEMBER, with `overrides`. */
export function auditInput(overrides: Partial<AuditInput> = {}): AuditInput {
  return { actor: { ...AGENT, roles: [...AGENT.roles] }, action: 'search', outcome: 'ok', memberId: MEMBER, ...overrides };
}

/** Gives each test a new, migrated, empty database; closes them all after the suite. */
export type FreshDatabase = () => Promise<Database>;

interface Target {
  setup(): Promise<void>;
  teardown(): Promise<void>;
  open(): Promise<Database>;
}

function onTarget(target: Target, suite: (fresh: FreshDatabase) => void): void {
  const opened: Database[] = [];
  beforeAll(() => target.setup(), 120_000);
  afterAll(async () => {
    for (const db of opened) await closeDatabase(db);
    await target.teardown();
  }, 60_000);
  suite(async () => {
    const db = await target.open();
    opened.push(db);
    return db;
  });
}

/**
 * Runs `suite` on PGlite, and on a throw-away PostgreSQL server when one can be started (the
 * append-only triggers and advisory locks must hold on both).
 */
export function describeOnDatabases(title: string, suite: (fresh: FreshDatabase) => void): void {
  describe(`${title} on PGlite`, () => {
    onTarget({ setup: async () => undefined, teardown: async () => undefined, open: () => openDatabase({ pgliteDir: 'memory://' }) }, suite);
  });

  describeIfPostgres(title, () => {
    let server: PostgresServer | undefined;
    let n = 0;
    onTarget(
      {
        setup: async () => {
          server = await startPostgres({ database: 'konaplate_audit' });
        },
        teardown: async () => {
          await server?.stop();
        },
        open: async () => openDatabase({ databaseUrl: await server!.createDatabase(`audit_${++n}`) }),
      },
      suite,
    );
  });
}

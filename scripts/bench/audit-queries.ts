/**
 * Benchmark of the audit page's queries at scale: seeds N events (default 1,000,000) into a
 * fresh database, then times the first page, a deep keyset page and filtered pages, with
 * p50/p95 over repeated runs. Run by `npm run bench` (after the load benchmark) or alone by
 * `npm run bench:audit`; options in scripts/bench/main.ts.
 *
 * Databases, each seeded alike and timed in turn, then printed side by side: a fresh PGlite in a
 * temporary directory, and PostgreSQL: a throw-away server (lib/db/testing/postgres-server.ts),
 * or with `databaseUrl` that database, which must hold no audit event (benchmark rows cannot be
 * deleted and would fail verification).
 *
 * Rows are generated in SQL (INSERT … SELECT generate_series) with the append-only trigger in
 * place (inserts are allowed). Their hashes are SYNTHETIC (md5 of the row number), not a chain:
 * scripts/audit-verify.ts would report them broken, by design.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { AUDIT_ACTIONS } from '@/lib/domain/audit';
import { cursorTimeSql, type Cursor } from '@/lib/audit/cursor';
import type { AuditFilters } from '@/lib/audit/filters';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/queries';
import { closeDatabase, databaseDriver, openDatabase, queryRows, type Database } from '@/lib/db/client';
import { startPostgres, type PostgresServer } from '@/lib/db/testing/postgres-server';
import { percentile } from './stats';

export type BenchEngine = 'pglite' | 'postgres';

export interface AuditQueryOptions {
  rows: number;
  /** Timed runs per query (after 3 warm-ups). */
  runs: number;
  /** The databases to time, in this order. */
  engines: readonly BenchEngine[];
  /** An empty PostgreSQL database to use instead of a throw-away server (DATABASE_URL). */
  databaseUrl?: string;
  /** Print the plans of three queries. */
  explain: boolean;
}

export interface AuditQueryTiming {
  rows: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** One query's timings on each engine run. */
export interface AuditQueryResult {
  name: string;
  engines: Partial<Record<BenchEngine, AuditQueryTiming>>;
}

const ENGINE_NAMES: Record<BenchEngine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

const CHUNK = 100_000;
const OPERATORS = 40;
const MEMBERS = 50_000;
const SPAN_DAYS = 365;

const actionsSql = sql.raw(`ARRAY[${AUDIT_ACTIONS.map((a) => `'${a}'`).join(',')}]::text[]`);

async function seed(db: Database, count: number): Promise<void> {
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    const t = performance.now();
    // Row n: one event every ~31.5 s over a year (ascending with n, like real appends), a fixed
    // pseudo-random operator/member/action per n, outcomes mostly ok.
    await db.execute(sql`
      insert into audit_events (at, operator_id, operator_email, operator_roles, action, member_id, card_ref,
                                request_summary, outcome, result_code, correlation_id, duration_ms, client_ip, user_agent, prev_hash, hash)
      select now() - make_interval(secs => (${count} - n) * ${(SPAN_DAYS * 86_400) / count}::float8),
             ('00000000-0000-4000-8000-' || lpad(((n * 7) % ${OPERATORS})::text, 12, '0'))::uuid,
             'operator' || ((n * 7) % ${OPERATORS}) || '@konaplate.test',
             ARRAY['agent']::text[],
             (${actionsSql})[1 + (n * 13) % ${AUDIT_ACTIONS.length}],
             (1000000000000000000 + (n * 7919) % ${MEMBERS})::text,
             'PAR' || lpad(((n * 7919) % ${MEMBERS})::text, 24, '0'),
             jsonb_build_object('bench', true, 'n', n),
             case when n % 20 = 0 then 'rejected' when n % 97 = 0 then 'upstream_error' else 'ok' end,
             case when n % 20 = 0 then '003_018' when n % 97 = 0 then '999_999' else '000_000' end,
             'bench-' || n,
             (n % 900) + 20,
             '10.0.' || (n % 250) || '.' || (n % 200),
             'bench',
             null,
             md5(n::text)
      from generate_series(${start}::bigint, ${end}::bigint) as n`);
    console.log(`  seeded ${end.toLocaleString('en')} / ${count.toLocaleString('en')} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  // A card state recorded at one event in ten (a read that found a card's state changed), in the
  // business statuses of a card desk: what the overview's card-states links filter on.
  await db.execute(sql`
    insert into card_state_history (observed_at, member_id, par, state, state_hash, audit_event_id)
    select at, member_id, card_ref,
           jsonb_build_object('bizStatus', (array['60','60','60','60','31','3A','35','61'])[1 + (id / 10) % 8]), md5(id::text), id
    from audit_events where id % 10 = 0`);
  await db.execute(sql`analyze audit_events`);
  await db.execute(sql`analyze card_state_history`);
}

interface Case {
  name: string;
  filters: AuditFilters;
  cursor?: Cursor | null;
}

async function time(db: Database, c: Case, runs: number): Promise<AuditQueryTiming> {
  let rows = 0;
  for (let i = 0; i < 3; i++) rows = (await listAuditEvents(c.filters, { cursor: c.cursor, db })).rows.length; // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await listAuditEvents(c.filters, { cursor: c.cursor, db });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { rows, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: samples[samples.length - 1]! };
}

/** A cursor ~`depth` rows into the listing (found once with OFFSET, untimed). */
async function cursorAt(db: Database, depth: number, where = sql`true`): Promise<Cursor> {
  const [row] = await queryRows<{ at: string; id: string }>(
    db,
    sql`select ${cursorTimeSql(sql`at`)} as at, id::text as id
        from audit_events where ${where} order by at desc, id desc offset ${depth} limit 1`,
  );
  return { at: row!.at, id: Number(row!.id) };
}

/** Seeds each engine's database alike, times every query on each, prints them side by side; the figures for bench/results.json. */
export async function runAuditQueryBench(options: AuditQueryOptions): Promise<AuditQueryResult[]> {
  const results: AuditQueryResult[] = [];
  for (const engine of options.engines) {
    for (const [k, timing] of (await benchEngine(engine, options)).entries()) {
      const result = results[k] ?? (results[k] = { name: timing.name, engines: {} });
      result.engines[engine] = timing.timing;
    }
  }
  const width = Math.max(...results.map((r) => r.name.length));
  const cell = (t?: AuditQueryTiming) => (t ? `${t.p50Ms.toFixed(2).padStart(8)} ${t.p95Ms.toFixed(2).padStart(8)}` : ' '.repeat(17));
  console.log('');
  console.log(`${' '.repeat(width)}  rows  ${options.engines.map((e) => `${ENGINE_NAMES[e]} p50 / p95 ms`.padStart(21)).join('  ')}`);
  for (const r of results) {
    const rows = Object.values(r.engines)[0]?.rows ?? 0;
    console.log(`${r.name.padEnd(width)}  ${String(rows).padStart(4)}  ${options.engines.map((e) => cell(r.engines[e]).padStart(21)).join('  ')}`);
  }
  return results;
}

async function benchEngine(engine: BenchEngine, { rows, runs, databaseUrl, explain }: AuditQueryOptions): Promise<{ name: string; timing: AuditQueryTiming }[]> {
  let server: PostgresServer | undefined;
  let dir: string | undefined;
  let db: Database;
  if (engine === 'postgres' && databaseUrl) {
    db = await openDatabase({ databaseUrl });
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events`);
    if (Number(row?.n) > 0) throw new Error('DATABASE_URL holds audit events: the benchmark needs an empty database');
  } else if (engine === 'postgres') {
    server = await startPostgres({ database: 'konaplate_bench' });
    db = await openDatabase({ databaseUrl: server.url });
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-bench-'));
    db = await openDatabase({ pgliteDir: dir });
  }
  try {
    const name = databaseDriver(db) === 'pglite' ? 'PGlite (embedded, single-threaded WASM)' : 'PostgreSQL';
    console.log(`[bench] ${name}; seeding ${rows.toLocaleString('en')} audit events (synthetic hashes: not a verifiable chain)…`);
    const t = performance.now();
    await seed(db, rows);
    console.log(`[bench] seeded in ${((performance.now() - t) / 1000).toFixed(1)} s; ${runs} timed runs per query after 3 warm-ups, page size ${AUDIT_PAGE_SIZE}`);

    const operatorEmail = 'operator7@konaplate.test';
    const memberId = (1000000000000000000n + 4242n).toString();
    const cases: Case[] = [
      { name: 'first page, no filter', filters: {} },
      // The audit page's default: sign-ins and sign-outs hidden (lib/audit/filters.ts).
      { name: 'first page, sign-ins and reads hidden (the default)', filters: { hideRoutine: true } },
      { name: `deep page (~${Math.floor(rows / 2).toLocaleString('en')} rows in)`, filters: {}, cursor: await cursorAt(db, Math.floor(rows / 2)) },
      { name: 'operator, first page', filters: { operatorEmail } },
      {
        name: 'operator, deep page (~10,000 in)',
        filters: { operatorEmail },
        cursor: await cursorAt(db, Math.min(10_000, Math.floor(rows / OPERATORS / 2)), sql`operator_email = ${operatorEmail}`),
      },
      { name: 'member', filters: { memberId } },
      { name: 'action (reissue-prepaid)', filters: { action: 'reissue-prepaid' } },
      { name: 'correlation id', filters: { correlationId: `bench-${Math.floor(rows / 3)}` } },
      { name: 'outcome + result code', filters: { outcome: 'upstream_error', resultCode: '999_999' } },
      {
        name: 'last 7 days + action',
        filters: { from: new Date(Date.now() - 7 * 86_400_000), action: 'sign-in' },
      },
      { name: 'operator + action', filters: { operatorEmail, action: 'audit-export' } },
      // The overview's card-states links: the events that saw cards in a status, over its 14 days and over all time.
      { name: 'card state 31, last 14 days', filters: { cardState: '31', from: new Date(Date.now() - 14 * 86_400_000) } },
      { name: 'card state 31, all time', filters: { cardState: '31' } },
    ];

    const timings: { name: string; timing: AuditQueryTiming }[] = [];
    for (const c of cases) {
      const timing = await time(db, c, runs);
      timings.push({ name: c.name, timing });
      console.log(`  ${c.name}: p50 ${timing.p50Ms.toFixed(2)} ms, p95 ${timing.p95Ms.toFixed(2)} ms (${timing.rows} rows)`);
    }

    if (explain) {
      for (const c of [cases[0]!, cases[2]!, cases[4]!]) {
        const plan = await queryRows<{ 'QUERY PLAN': string }>(
          db,
          sql`explain select id from audit_events where ${c.filters.operatorEmail ? sql`operator_email = ${c.filters.operatorEmail}` : c.filters.memberId ? sql`member_id = ${c.filters.memberId}` : sql`true`} order by at desc, id desc limit 51`,
        );
        console.log(`\n[explain] ${c.name}\n${plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n')}`);
      }
    }
    return timings;
  } finally {
    await closeDatabase(db);
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Benchmark of lib/review at scale: the findings rules, the chain check, the overview charts and
 * the access review over a million audit events, with the plans of their queries.
 *
 *   npm run bench:findings [-- --rows 1000000] [--chained 100000] [--span-days 30] [--pglite-only] [--explain]
 *
 * Databases, seeded alike and timed in turn, then printed side by side: a fresh PGlite in a
 * temporary directory, and a throw-away PostgreSQL server (lib/db/testing/postgres-server.ts).
 * Both are deleted afterwards.
 *
 * 1. `--chained` events are appended through the audit trail's own writer (real, keyed hash
 *    chain), and the chain check is timed from the start (the daily full verification) and from
 *    a head 500 events back (what a run every 15 minutes reads).
 * 2. The rest of `--rows` are generated in SQL over the last `--span-days` days (ascending times,
 *    like real appends): 40 operators, 50,000 members, an action mix of a busy card desk (45 %
 *    searches, 25 % card views, lookups, sign-ins, issuances, reissues…), 5 % rejected, 1 %
 *    upstream errors, 0.3 % outcome unknown. Their hashes are synthetic (the chain check above is
 *    done before they exist). Card-state history: 50,000 cards, a fifth with a second state.
 * 3. Each rule is timed over the last 24 hours twice: cold (the first run rolls up the hourly
 *    view counts of the baseline's 14 days) and warm; then a whole run; the charts over 30 days,
 *    cold (the daily roll-up of 30 days) and warm; the access review.
 * With --explain, the plan (EXPLAIN ANALYZE) of every raw query a warm rule or chart sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { appendLockedBatch, lockChain, type PendingEvent } from '@/lib/audit/append';
import { closeDatabase, databaseDriver, openDatabase, queryRows, type Database } from '@/lib/db/client';
import { operators } from '@/lib/db/schema';
import { startPostgres, type PostgresServer } from '@/lib/db/testing/postgres-server';
import { parseEnv } from '@/lib/env';
import { getAccessReview } from '@/lib/review/access-review';
import { checkAuditChain } from '@/lib/review/chain-check';
import { actionsPerDay, cardStatesSeen, frequentErrors, lastDays, resultCodesPerDay } from '@/lib/review/charts';
import { EVENT_RULES, type RuleContext } from '@/lib/review/rules';
import { runFindings } from '@/lib/review/runs';
import { reviewSettings } from '@/lib/review/settings';
import { runScript } from '../run-script';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
function option(name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} expects a positive whole number`);
  return value;
}

const OPERATORS = 40;
const MEMBERS = 50_000;
const CHUNK = 100_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Timing {
  name: string;
  ms: number;
  note?: string;
}

async function timed<T>(timings: Timing[], name: string, work: () => Promise<T>, note?: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  timings.push({ name, ms, note: note?.(result) });
  console.log(`  ${name}: ${ms.toFixed(1)} ms${note ? ` (${note(result)})` : ''}`);
  return result;
}

/** `--chained` events through the real writer: a keyed chain, as the console writes it. */
async function seedChained(db: Database, count: number, spanMs: number, now: number): Promise<void> {
  for (let start = 0; start < count; start += 1_000) {
    const batch: PendingEvent[] = [];
    for (let i = start; i < Math.min(count, start + 1_000); i++) {
      const op = i % OPERATORS;
      batch.push({
        input: {
          actor: { id: `00000000-0000-4000-8000-${String(op).padStart(12, '0')}`, email: `operator${op}@konaplate.test`, roles: ['agent'] },
          action: i % 3 ? 'search' : 'view-card',
          outcome: 'ok',
          memberId: String(1_000_000_000_000_000_000n + BigInt((i * 7919) % MEMBERS)),
          resultCode: '000_000',
          correlationId: `chained-${i}`,
        },
        // Spread over the span, oldest first (before the generated events' times interleave).
        options: { at: new Date(now - spanMs + Math.floor((i / count) * spanMs)) },
      });
    }
    await db.transaction(async (tx) => {
      await lockChain(tx);
      await appendLockedBatch(tx as unknown as Database, batch);
    });
  }
}

async function seedGenerated(db: Database, count: number, spanDays: number): Promise<void> {
  const span = (spanDays * 86_400) / count;
  const upstream = `action in ('search','view-card','unregistered-lookup','issue-prepaid','issue-debit','reissue-prepaid')`;
  for (let start = 1; start <= count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK - 1);
    const t = performance.now();
    await db.execute(sql`
      insert into audit_events (at, operator_id, operator_email, operator_roles, action, member_id, card_ref,
                                request_summary, outcome, result_code, correlation_id, duration_ms, client_ip, user_agent, prev_hash, hash)
      select at, operator_id, operator_email, operator_roles, action,
             case when action in ('search','view-card','issue-prepaid','issue-debit','reissue-prepaid') then member end,
             case when action in ('view-card','reissue-prepaid') then 'PAR' || lpad(m::text, 24, '0')
                  when action = 'unregistered-lookup' then '4111********1111' end,
             case when action = 'sign-in-failure' then jsonb_build_object('reason', case when n % 10 = 0 then 'wrong password; now locked' else 'wrong password' end)
                  else jsonb_build_object('bench', true) end,
             outcome,
             case when not (${sql.raw(upstream)}) then null
                  when outcome = 'ok' then '000_000'
                  when outcome = 'upstream_error' then '900_500'
                  when outcome = 'rejected' then (array['001_006','003_018','003_901','003_902','003_904','000_002','003_044'])[1 + n % 7] end,
             case when ${sql.raw(upstream)} then 'bench-' || n end,
             (n % 900) + 20, '10.0.' || (n % 250) || '.' || (n % 200), 'bench', null, md5(n::text)
      from (
        select n, m, now() - make_interval(secs => (${count} - n) * ${span}::float8) as at,
               ('00000000-0000-4000-8000-' || lpad(((n * 7) % ${OPERATORS})::text, 12, '0'))::uuid as operator_id,
               'operator' || ((n * 7) % ${OPERATORS}) || '@konaplate.test' as operator_email,
               ARRAY['agent']::text[] as operator_roles,
               (1000000000000000000 + m)::text as member,
               action,
               case when action = 'sign-in-failure' then 'rejected'
                    when action = 'forbidden' then 'forbidden'
                    when n % 1000 < 50 then 'rejected'
                    when n % 1000 < 60 then 'upstream_error'
                    when n % 1000 < 63 and action in ('issue-prepaid','issue-debit','reissue-prepaid') then 'unknown'
                    else 'ok' end as outcome
        from (
          select n, (n * 7919) % ${MEMBERS} as m,
                 case when b < 45 then 'search' when b < 70 then 'view-card' when b < 75 then 'unregistered-lookup'
                      when b < 80 then 'sign-in' when b < 82 then 'sign-in-failure' when b < 85 then 'issue-prepaid'
                      when b < 87 then 'issue-debit' when b < 89 then 'reissue-prepaid' when b < 94 then 'sign-out'
                      when b < 96 then 'forbidden' when b < 97 then 'operator-change' when b < 98 then 'audit-export'
                      else 'sandbox-control' end as action
          from (select n, (n * 13) % 100 as b from generate_series(${start}::bigint, ${end}::bigint) as n) s
        ) a
      ) g`);
    console.log(`  seeded ${end.toLocaleString('en')} / ${count.toLocaleString('en')} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  await db.execute(sql`
    insert into card_state_history (observed_at, member_id, par, state, state_hash)
    select now() - make_interval(secs => (c * 37) % (${spanDays} * 86400)), (1000000000000000000 + c)::text, 'PAR' || lpad(c::text, 24, '0'),
           jsonb_build_object('bizStatus', (array['NORMAL','NORMAL','NORMAL','LOST','SUSPENDED','EXPIRED'])[1 + c % 6], 'lifeStatus', 'ACTIVE'), md5(c::text)
    from generate_series(1, ${MEMBERS}) as c
    union all
    select now() - make_interval(secs => (c * 11) % 86400), (1000000000000000000 + c)::text, 'PAR' || lpad(c::text, 24, '0'),
           jsonb_build_object('bizStatus', 'LOST', 'lifeStatus', 'ACTIVE'), md5('second' || c::text)
    from generate_series(1, ${MEMBERS}, 5) as c`);
  await db.execute(sql`
    insert into operators (id, email, name, roles, password_hash, last_sign_in_at)
    select ('00000000-0000-4000-8000-' || lpad(k::text, 12, '0'))::uuid, 'operator' || k || '@konaplate.test', 'Operator ' || k,
           ARRAY['agent']::text[], 'scrypt$bench', now() - make_interval(days => k * 3)
    from generate_series(0, ${OPERATORS - 1}) as k`);
  await db.execute(sql`analyze`);
}

/** A database whose raw queries (db.execute) also print their plan. */
function explaining(db: Database, label: string): Database {
  let n = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const plan = await queryRows<{ 'QUERY PLAN': string }>(target, sql`explain (analyze, costs off, timing off, summary on) ${query}`);
        console.log(`\n[explain] ${label} #${++n}\n${plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
        return target.execute(query);
      };
    },
  });
}

interface BenchOptions {
  rows: number;
  chained: number;
  spanDays: number;
  explain: boolean;
}

type Engine = 'pglite' | 'postgres';
const ENGINE_NAMES: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** Seeds one engine's database and times everything on it. */
async function benchEngine(engine: Engine, { rows, chained, spanDays, explain }: BenchOptions): Promise<Timing[]> {
  let server: PostgresServer | undefined;
  let dir: string | undefined;
  let db: Database;
  if (engine === 'postgres') {
    server = await startPostgres({ database: 'konaplate_findings_bench' });
    db = await openDatabase({ databaseUrl: server.url });
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-findings-bench-'));
    db = await openDatabase({ pgliteDir: dir });
  }
  const timings: Timing[] = [];
  try {
    const engine = databaseDriver(db) === 'pglite' ? 'PGlite (embedded, single-threaded WASM)' : 'PostgreSQL';
    const settings = reviewSettings(parseEnv({}));
    const now = Date.now();
    console.log(`[bench] ${engine}: ${chained.toLocaleString('en')} chained events, then ${(rows - chained).toLocaleString('en')} generated, over ${spanDays} days`);
    await timed(timings, `seed ${chained.toLocaleString('en')} chained events (the audit writer)`, () => seedChained(db, chained, spanDays * DAY, now));
    await db.execute(sql`analyze audit_events`);

    console.log('[bench] chain check');
    const [head] = await queryRows<{ id: string; hash: string }>(db, sql`select id::text as id, hash from audit_events order by audit_events.id desc offset 500 limit 1`);
    await timed(timings, `chain: full verification (${chained.toLocaleString('en')} events)`, () =>
      checkAuditChain(db, { previous: { head: null, lastFullAt: null }, fullEveryHours: 24, now: new Date() }),
      (r) => `ok=${r.verification.ok}, ${r.verification.checked} checked`,
    );
    const full = timings[timings.length - 1]!;
    console.log(`  ≈ ${((full.ms / Math.max(chained, 1)) * 1_000_000 / 1000).toFixed(1)} s for a million events at this rate`);
    await timed(timings, 'chain: from the last head (501 events)', () =>
      checkAuditChain(db, { previous: { head: { id: Number(head!.id), hash: head!.hash }, lastFullAt: new Date() }, fullEveryHours: 24, now: new Date() }),
      (r) => `ok=${r.verification.ok}, ${r.verification.checked} checked`,
    );

    console.log('[bench] seeding the generated events');
    await timed(timings, `seed ${(rows - chained).toLocaleString('en')} generated events`, () => seedGenerated(db, rows - chained, spanDays));

    const to = new Date();
    const context: RuleContext = { db, from: new Date(to.getTime() - DAY), to, now: to, settings };
    for (const pass of ['cold', 'warm'] as const) {
      console.log(`[bench] rules over the last 24 h (${pass})`);
      for (const [name, rule] of Object.entries(EVENT_RULES)) {
        await timed(timings, `rule ${name} (${pass})`, () => rule(context), (found) => `${found.length} found`);
      }
    }
    console.log('[bench] a whole run (rules, full chain check, storing, daily roll-up of its range)');
    await timed(timings, 'runFindings, last 24 h', () => runFindings({ db, trigger: 'schedule', now: to, settings }), (r) =>
      r.status === 'completed' ? `${r.run.findingsNew} new findings, chain ok=${r.chain.ok} (${r.chain.checked} checked)` : r.status,
    );

    console.log('[bench] overview charts, last 30 days');
    const range = lastDays(30, to);
    for (const pass of ['cold', 'warm'] as const) {
      await timed(timings, `actionsPerDay (${pass})`, () => actionsPerDay(range, { db, now: to }), (r) => `${r.total.reduce((a, b) => a + b, 0).toLocaleString('en')} events`);
    }
    await timed(timings, 'resultCodesPerDay', () => resultCodesPerDay(range, { db, now: to }), (r) => r.codes.join(' '));
    await timed(timings, 'frequentErrors', () => frequentErrors(range, { db, now: to }), (r) => `${r.length} codes`);
    await timed(timings, 'cardStatesSeen (every card)', () => cardStatesSeen({}, { db }), (r) => `${r.reduce((a, b) => a + b.cards, 0)} cards`);
    await timed(timings, 'cardStatesSeen (last 7 days)', () => cardStatesSeen({ from: new Date(to.getTime() - 7 * DAY), to }, { db }), (r) => `${r.reduce((a, b) => a + b.cards, 0)} cards`);
    await timed(timings, 'access review', () => getAccessReview({ db, now: to, settings }), (r) => `${r.operators.length} operators`);
    console.log(`[bench] ${(await db.$count(operators)).toLocaleString('en')} operators`);

    if (explain) {
      const shown = explaining(db, 'rules');
      for (const [name, rule] of Object.entries(EVENT_RULES)) {
        console.log(`\n===== ${name}`);
        await rule({ ...context, db: shown });
      }
      console.log('\n===== charts (warm)');
      await actionsPerDay(range, { db: explaining(db, 'actionsPerDay'), now: to });
      await cardStatesSeen({ from: new Date(to.getTime() - 7 * DAY), to }, { db: explaining(db, 'cardStatesSeen') });
    }

    return timings;
  } finally {
    await closeDatabase(db);
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const rows = option('--rows', 1_000_000);
  const options: BenchOptions = { rows, chained: Math.min(option('--chained', 100_000), rows), spanDays: option('--span-days', 30), explain: flag('--explain') };
  const engines: Engine[] = flag('--pglite-only') ? ['pglite'] : ['pglite', 'postgres'];
  const byEngine = new Map<Engine, Timing[]>();
  for (const engine of engines) byEngine.set(engine, await benchEngine(engine, options));

  // Side by side: the same steps in the same order on each engine; the notes are the first engine's.
  const steps = byEngine.get(engines[0]!)!;
  const width = Math.max(...steps.map((t) => t.name.length));
  console.log('');
  console.log(`${' '.repeat(width)}  ${engines.map((e) => `${ENGINE_NAMES[e]} ms`.padStart(13)).join('  ')}`);
  steps.forEach((step, k) => {
    const cells = engines.map((e) => (byEngine.get(e)![k]?.ms.toFixed(1) ?? '').padStart(13)).join('  ');
    console.log(`${step.name.padEnd(width)}  ${cells}${step.note ? `  ${step.note}` : ''}`);
  });
}

runScript('[bench]', 'findings benchmark failed', main);

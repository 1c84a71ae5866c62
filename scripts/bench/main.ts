/**
 * `npm run bench`: what the console costs on top of Konaplate, and what the audit page's
 * queries cost at a million events. Everything printed, and written to bench/results.json.
 *
 *   npm run bench [-- --duration 10] [--skip-audit-queries] [--rows 1000000] [--runs 25] [--pglite-only] [--explain]
 *   npm run bench:audit [-- --rows 100000 …]      the audit-query part alone
 *
 * 1. Load (scripts/bench/load.ts): the sandbox and the production console started as `npm start`
 *    starts them (built first when the build is missing or stale), on free loopback ports, with a
 *    fresh PGlite database. 50 agents of the benchmark's own sign in once each (one session per
 *    virtual operator). Then, for 1, 10 and 50 concurrent operators in a closed loop (2 s warm-up,
 *    `--duration` s measured per cell), the same card list of the member with 8 cards:
 *      (a) the sandbox called directly with the console's wire client (lib/konaplate: same
 *          headers, same signed transaction token), no console in between;
 *      (b) the console's card-list API (/api/members/<userId>/cards);
 *      (c) the console's card-list page (/members/<userId>, the full HTML).
 *    Latency p50/p95/p99, throughput, errors, and console p50 over direct p50; the console's RSS
 *    (idle after start-up, peak under load, 10 s after); first-load JS per route; and the audit
 *    check: one `search` audit event per card-list read the console was sent, else exit 1.
 *    Answers are asked for uncompressed (no Accept-Encoding). Identical reads within 2 s share
 *    one upstream call (lib/cards/member-cards.ts), so under this load nearly every console read
 *    is answered without a sandbox call of its own: the console rows measure the console's own
 *    work (session, audit event, render); the audit line says how many reads were shared.
 * 2. Audit queries (scripts/bench/audit-queries.ts): seeds --rows events (default 1,000,000) into
 *    a throw-away PGlite and a throw-away PostgreSQL (DATABASE_URL's, when set; none with
 *    --pglite-only), times the audit page's queries on each and prints them side by side.
 *
 * Runtime, on a 2-core machine with the build current: load ≈ 2.2 min (9 cells × 12 s, start-up,
 * sign-ins, 10 s after the load); audit queries ≈ 1.2 min for 1,000,000 rows on PGlite; ≈ 3.5 min
 * in all. A build adds ≈ 30 s. The client, the sandbox and the console share the machine: on few
 * cores they compete for CPU, and the figures are only comparable between runs on one machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_OPERATOR_PASSWORD, DEMO_OPERATORS } from '@/lib/db/seed';
import { env } from '@/lib/env';
import { createKonaplateClient, plainCodec } from '@/lib/konaplate';
import { runAuditQueryBench, type AuditQueryResult } from './audit-queries';
import { recordedCardListReads, type RecordedReads } from './audit-trail';
import { firstLoadJs, type RouteFirstLoad } from './first-load-js';
import { closedLoop, get, type CellStats, type Send } from './load';
import { createBenchAgents, signIn, type Login } from './operators';
import { freePort, sampleRss, startStack, type Stack } from './stack';
import { runScript } from '../run-script';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS_FILE = path.join(root, 'bench', 'results.json');
const CONCURRENCY = [1, 10, 50] as const;
const WARMUP_MS = 2_000;
const AFTER_LOAD_MS = 10_000;
/** The route the first-load budget is about (test/bundle/first-load-js.test.ts). */
const CARD_LIST_ROUTE = '/members/[userId]';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
function option(name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} expects a positive whole number`);
  return value;
}

interface LoadRow extends CellStats {
  target: Target;
  /** Console rows: p50 over the direct p50 at the same concurrency. */
  p50VsDirect?: number;
}
type Target = 'sandbox direct' | 'console API' | 'console page';

interface LoadResults {
  memberId: string;
  cards: number;
  sessions: string;
  warmupSeconds: number;
  measuredSeconds: number;
  rows: LoadRow[];
  consoleRssMb: { idle: number; peak: number; after: number };
  firstLoadJs: RouteFirstLoad[];
  audit: RecordedReads & { readsSent: number; match: boolean };
}

/** The fixture's member with 8 cards (read as data: the sandbox is a separate program, never imported). */
function memberWithEightCards(): string {
  const fixture = JSON.parse(readFileSync(path.join(root, 'sandbox', 'fixture.json'), 'utf8')) as { cards: { owner: string | null }[] };
  const counts = new Map<string, number>();
  for (const { owner } of fixture.cards) if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  const member = [...counts].find(([, n]) => n === 8)?.[0];
  if (!member) throw new Error('sandbox/fixture.json has no member with 8 cards');
  return member;
}

async function loadBench(durationMs: number): Promise<LoadResults> {
  const memberId = memberWithEightCards();
  const [sandboxPort, consolePort] = [await freePort(), await freePort()];
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'konaplate-bench-console-'));
  // One environment for this process (the direct client, the seeding) and the stack: the
  // sandbox's defaults, whatever upstream or database the caller's environment names.
  for (const key of Object.keys(process.env)) if (key.startsWith('KONAPLATE_')) delete process.env[key];
  Object.assign(process.env, {
    KONAPLATE_SANDBOX_PORT: String(sandboxPort),
    KONAPLATE_BASE_URL: `http://127.0.0.1:${sandboxPort}/open-api`,
    HOST: '127.0.0.1',
    PORT: String(consolePort),
    NEXTAUTH_URL: consoleUrl,
    PGLITE_DIR: pgliteDir,
    LOG_LEVEL: 'warn',
    // Fifty sign-ins from one address within a minute.
    SIGN_IN_THROTTLE_PER_EMAIL: '10000',
    SIGN_IN_THROTTLE_PER_CLIENT: '10000',
  });
  const stackEnv = { ...process.env };
  delete stackEnv.DATABASE_URL;

  try {
    const operators = Math.max(...CONCURRENCY);
    console.log(`[bench] load: member ${memberId}; ${operators} bench agents in a fresh PGlite (${pgliteDir})`);
    const logins = await createBenchAgents(pgliteDir, operators);
    console.log(`[bench] starting the sandbox (:${sandboxPort}) and the console (${consoleUrl}) with scripts/start.mjs…`);
    const stack = await startStack(root, stackEnv, consoleUrl);
    try {
      return await measure(stack, logins, memberId, durationMs);
    } finally {
      await stack.stop();
    }
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

/** Sign-ins, the load cells, memory and the audit check, on a started stack. */
async function measure(stack: Stack, logins: Login[], memberId: string, durationMs: number): Promise<LoadResults> {
  const { consoleUrl } = stack;
  const rss = sampleRss(stack.consolePids);
  try {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idle = rss.latest();

    const manager = DEMO_OPERATORS.find((o) => o.roles.includes('manager'))!;
    const managerCookie = await signIn(consoleUrl, { email: manager.email, password: DEMO_OPERATOR_PASSWORD, totpSecret: manager.totpSecret });
    const cookies: string[] = [];
    for (let i = 0; i < logins.length; i += 5) cookies.push(...(await Promise.all(logins.slice(i, i + 5).map((login) => signIn(consoleUrl, login)))));
    const sessions = `${cookies.length} agents, each signed in once: virtual operator i uses agent i's own session`;
    console.log(`[bench] ${sessions}`);

    const e = env();
    const direct = createKonaplateClient({
      baseUrl: e.KONAPLATE_BASE_URL,
      aspId: e.KONAPLATE_ASP_ID,
      accessKey: e.KONAPLATE_ACCESS_KEY,
      secretKey: e.KONAPLATE_SECRET_KEY,
      timeZone: e.KONAPLATE_TIME_ZONE,
      readTimeoutMs: e.KONAPLATE_READ_TIMEOUT_MS,
      writeTimeoutMs: e.KONAPLATE_WRITE_TIMEOUT_MS,
      // The card list is a plain endpoint: no body encryption whatever the configuration.
      codec: plainCodec,
    });
    const expectedCards = (await direct.searchCards({ userId: memberId })).data.length;

    let readsSent = 0;
    const sends = (agent: http.Agent): Record<Target, Send> => ({
      'sandbox direct': async () => {
        const { data } = await direct.searchCards({ userId: memberId });
        if (data.length !== expectedCards) throw new Error(`${data.length} cards`);
      },
      'console API': async (vu) => {
        readsSent++;
        const body = await get(agent, `${consoleUrl}/api/members/${memberId}/cards`, { Cookie: cookies[vu]!, Accept: 'application/json' });
        const answer = JSON.parse(body) as { status: string; cards?: unknown[] };
        if (answer.status !== 'ok' || answer.cards?.length !== expectedCards) throw new Error(`answer ${answer.status}, ${answer.cards?.length} cards`);
      },
      'console page': async (vu) => {
        readsSent++;
        await get(agent, `${consoleUrl}/members/${memberId}`, { Cookie: cookies[vu]!, Accept: 'text/html' });
      },
    });

    const rows: LoadRow[] = [];
    const loadStart = performance.now();
    for (const concurrency of CONCURRENCY) {
      for (const target of ['sandbox direct', 'console API', 'console page'] as const) {
        const agent = new http.Agent({ keepAlive: true });
        const stats = await closedLoop(sends(agent)[target], { concurrency, warmupMs: WARMUP_MS, durationMs });
        agent.destroy();
        const directP50 = rows.find((r) => r.target === 'sandbox direct' && r.concurrency === concurrency)?.p50Ms;
        rows.push({ target, ...stats, ...(target !== 'sandbox direct' && directP50 ? { p50VsDirect: stats.p50Ms / directP50 } : {}) });
        console.log(`  ${target.padEnd(14)} ×${String(concurrency).padEnd(2)}  p50 ${stats.p50Ms.toFixed(1)} ms, ${stats.throughput.toFixed(0)} req/s, ${stats.errors} errors`);
      }
    }
    const peak = rss.peakSince(loadStart);
    await new Promise((resolve) => setTimeout(resolve, AFTER_LOAD_MS));
    const after = rss.latest();

    const recorded = await recordedCardListReads(consoleUrl, managerCookie, memberId);
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      memberId,
      cards: expectedCards,
      sessions,
      warmupSeconds: WARMUP_MS / 1000,
      measuredSeconds: durationMs / 1000,
      rows,
      consoleRssMb: { idle: mb(idle), peak: mb(peak), after: mb(after) },
      firstLoadJs: firstLoadJs(path.join(root, '.next')),
      audit: { ...recorded, readsSent, match: recorded.events === readsSent },
    };
  } finally {
    rss.stop();
  }
}

function printLoad(load: LoadResults): void {
  const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  console.log(`\nCard list of member ${load.memberId} (${load.cards} cards); ${load.sessions};`);
  console.log(`closed loop, ${load.warmupSeconds} s warm-up then ${load.measuredSeconds} s measured per row; latency in ms.\n`);
  const head = ['target', 'conc', 'p50', 'p95', 'p99', 'req/s', 'errors', 'p50 / direct'];
  const lines = load.rows.map((r) => [
    r.target,
    String(r.concurrency),
    fixed(r.p50Ms),
    fixed(r.p95Ms),
    fixed(r.p99Ms),
    fixed(r.throughput, 0),
    String(r.errors),
    r.p50VsDirect ? `${r.p50VsDirect.toFixed(1)}×` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  for (const r of load.rows.filter((row) => row.firstError)) console.log(`  first error, ${r.target} ×${r.concurrency}: ${r.firstError}`);

  const { idle, peak, after } = load.consoleRssMb;
  console.log(`\nConsole RSS (next start): idle ${idle} MB, peak under load ${peak} MB, ${AFTER_LOAD_MS / 1000} s after ${after} MB`);

  console.log('\nFirst-load JS per route (gzip):');
  const width = Math.max(...load.firstLoadJs.map((r) => r.route.length));
  for (const r of load.firstLoadJs) {
    console.log(`  ${r.route.padEnd(width)}  ${(r.gzipBytes / 1000).toFixed(1).padStart(6)} kB  (${r.chunks} chunks, ${(r.rawBytes / 1000).toFixed(0)} kB raw)${r.route === CARD_LIST_ROUTE ? '  ← card list' : ''}`);
  }

  const a = load.audit;
  const others = Object.entries(a.outcomes).filter(([outcome]) => outcome !== 'ok');
  console.log(
    `\naudit events = reads sent: ${a.match ? 'yes' : 'no'} (${a.events} vs ${a.readsSent}); ${a.shared} of the events shared a read within the reuse window (no upstream call of their own)${others.length > 0 ? `; outcomes other than ok: ${others.map(([o, n]) => `${o} ${n}`).join(', ')}` : ''}`,
  );
}

async function main(): Promise<number> {
  const started = performance.now();
  const auditOnly = flag('--audit-queries-only');
  const results: { at: string; machine: { cpus: number; node: string }; load?: LoadResults; auditQueries?: { rows: number; runs: number; results: AuditQueryResult[] } } = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
  };
  // Read before the load part, which takes DATABASE_URL away from the console it starts.
  const databaseUrl = process.env.DATABASE_URL;

  if (!auditOnly) {
    results.load = await loadBench(option('--duration', 10) * 1000);
    printLoad(results.load);
  }
  if (auditOnly || !flag('--skip-audit-queries')) {
    const rows = option('--rows', 1_000_000);
    const runs = option('--runs', 25);
    console.log('');
    const engines = flag('--pglite-only') ? (['pglite'] as const) : (['pglite', 'postgres'] as const);
    const queryResults = await runAuditQueryBench({ rows, runs, engines, databaseUrl, explain: flag('--explain') });
    results.auditQueries = { rows, runs, results: queryResults };
  }

  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n[bench] figures written to ${path.relative(root, RESULTS_FILE)}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return results.load && !results.load.audit.match ? 1 : 0;
}

runScript('[bench]', 'failed', main);

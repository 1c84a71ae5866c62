/**
 * The benchmark's own sandbox and console, started exactly as `npm start` starts them
 * (scripts/start.mjs: production build, built first when missing or older than the sources),
 * on loopback ports of their own, and the console process's memory sampled from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface Stack {
  consoleUrl: string;
  /** The `next start` process and its descendants: what is sampled. */
  consolePids: number[];
  stop: () => Promise<void>;
}

/** A port nothing listens on just now (the kernel's pick), for a server started right after. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs `node scripts/start.mjs` with `env` (ports, database, log level: the caller's) and waits
 * until the console answers /api/health (migrated, seeded, upstream reachable). Its output is
 * passed through with a prefix, so a build or a start-up failure shows.
 */
export async function startStack(root: string, env: NodeJS.ProcessEnv, consoleUrl: string): Promise<Stack> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) console.log(`  [stack] ${line}`);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopStack(child, exited);
  try {
    await waitForHealth(`${consoleUrl}/api/health`, child, 300_000);
    const consolePid = childPids(child.pid!).find((pid) => isNextStart(commandLine(pid)));
    if (!consolePid) throw new Error('the console process (next start) was not found under scripts/start.mjs');
    return { consoleUrl, consolePids: [consolePid, ...descendants(consolePid)], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`scripts/start.mjs exited (${child.exitCode}) before the console answered`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // Building, or still starting.
    }
    if (Date.now() > deadline) throw new Error(`the console did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * SIGTERM to start.mjs, which stops the sandbox and the console; its children are watched until
 * they are gone and killed (by pid) if they outlive 10 s.
 */
async function stopStack(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pids = child.pid ? [child.pid, ...descendants(child.pid)] : [];
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* /proc                                                                                      */
/* ------------------------------------------------------------------------------------------ */

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The console as start.mjs runs it (`node …/.bin/next start …`), which renames itself
 * `next-server (vX.Y.Z)` once started (process.title rewrites /proc/<pid>/cmdline).
 */
const isNextStart = (args: string[]) =>
  args[0]?.startsWith('next-server') || (args.includes('start') && args.some((arg) => /(^|\/)next$/.test(arg)));

/** Parent of every process, read from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  return parents;
}

function childPids(pid: number, parents = parentPids()): number[] {
  return [...parents].filter(([, parent]) => parent === pid).map(([child]) => child);
}

function descendants(pid: number): number[] {
  const parents = parentPids();
  const found: number[] = [];
  for (let queue = childPids(pid, parents); queue.length > 0; ) {
    const next = queue.shift()!;
    found.push(next);
    queue = queue.concat(childPids(next, parents));
  }
  return found;
}

/** Resident memory of the processes, in bytes (VmRSS; a process gone counts 0). */
function rssBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** Samples `rssBytes(pids)` every `intervalMs`; `peakSince(t)` is the highest sample taken at or after `t`. */
export function sampleRss(pids: readonly number[], intervalMs = 100) {
  const samples: { at: number; bytes: number }[] = [];
  const take = () => samples.push({ at: performance.now(), bytes: rssBytes(pids) });
  take();
  const timer = setInterval(take, intervalMs);
  return {
    latest: () => samples[samples.length - 1]!.bytes,
    peakSince: (at: number) => Math.max(...samples.filter((s) => s.at >= at).map((s) => s.bytes)),
    stop: () => clearInterval(timer),
  };
}

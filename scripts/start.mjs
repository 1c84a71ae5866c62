#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: one command for the whole console.
 *
 * Builds when the build is missing or older than the sources (not in --dev), starts the
 * sandbox when the upstream is the local sandbox, then the console (which migrates and
 * seeds its database at start-up), prints where to go, and stops both on Ctrl-C.
 *
 *   --dev         next dev (hot reload) instead of a production build
 *   --reset-data  delete the embedded database first (used by the e2e run)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const sandboxPort = Number(process.env.KONAPLATE_SANDBOX_PORT ?? 4010);
const consolePort = Number(process.env.PORT ?? 3000);
// Loopback unless HOST says otherwise (lib/env.ts validates it when the console starts).
const consoleHost = process.env.HOST || '127.0.0.1';
// A wildcard address (0.0.0.0, ::) listens on loopback too; any other only on itself.
const wildcard = consoleHost === '0.0.0.0' || consoleHost === '::';
const reachHost = wildcard ? '127.0.0.1' : consoleHost;
const urlHost = wildcard || consoleHost === '127.0.0.1' ? 'localhost' : consoleHost.includes(':') ? `[${consoleHost}]` : consoleHost;
const baseUrl = process.env.KONAPLATE_BASE_URL ?? `http://127.0.0.1:${sandboxPort}/open-api`;
const upstreamIsSandbox = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(baseUrl);
const consoleUrl = process.env.NEXTAUTH_URL ?? `http://${urlHost}:${consolePort}`;

const childEnv = {
  ...process.env,
  KONAPLATE_BASE_URL: baseUrl,
  KONAPLATE_SANDBOX_PORT: String(sandboxPort),
  // The QA workbench drives the sandbox's fault switches; loopback-only in the sandbox.
  KONAPLATE_SANDBOX_CONTROL: process.env.KONAPLATE_SANDBOX_CONTROL ?? '1',
  NEXTAUTH_URL: consoleUrl,
  PORT: String(consolePort),
};

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function run(name, command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, env: childEnv, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function waitForPort(host, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect({ host, port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (stopping) return;
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/**
 * Polls `url` until it answers 200: the console has finished its start-up (settings checked,
 * database migrated, demo operators seeded) and serves requests. Only then is the URL announced.
 */
async function waitForAnswer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet, or still starting.
    }
    if (Date.now() > deadline) throw new Error(`the console did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Newest modification time under the given paths (sources that end up in the build). */
function newestSourceTime() {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (!entry.startsWith('.') && !entry.endsWith('.test.ts')) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.mjs', 'package-lock.json']) {
    visit(path.join(root, p));
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceTime()) return;
  console.log('Building the console (first start, or sources changed)…');
  const result = spawnSync(bin('next'), ['build'], { cwd: root, env: childEnv, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (args.has('--reset-data')) {
  rmSync(path.resolve(root, process.env.PGLITE_DIR ?? '.data/pglite'), { recursive: true, force: true });
}
if (!dev) buildIfNeeded();

if (upstreamIsSandbox) {
  run('sandbox', bin('tsx'), ['sandbox/main.ts']);
  await waitForPort('127.0.0.1', sandboxPort, 20_000);
}
run('console', bin('next'), [dev ? 'dev' : 'start', '-H', consoleHost, '-p', String(consolePort)]);
await waitForAnswer(`http://${reachHost.includes(':') ? `[${reachHost}]` : reachHost}:${consolePort}/api/health/live`, 120_000);

console.log(`
  Konaplate Console is running: ${consoleUrl}
  Upstream: ${baseUrl}${upstreamIsSandbox ? ' (local sandbox)' : ''}
${
  upstreamIsSandbox
    ? `  Sign in as a demo operator, password "konaplate-demo", with a code from its fixed TOTP
  secret (listed on the sign-in page and in the README):
    agent@konaplate.test · manager@konaplate.test · qa@konaplate.test · admin@konaplate.test
`
    : ''
}  Ctrl-C stops everything.
`);

// Test-only, like postgres-server.ts: no `import 'server-only'`, so plain Node can load it.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * How this process runs PostgreSQL's commands. PostgreSQL refuses to run as root: when the tests
 * run as root (containers, CI), every command runs as the `postgres` system user (or
 * `$PG_TEST_USER`) through `runuser`, or `su` when runuser is missing.
 */
export interface RunAs {
  /** The system user PostgreSQL runs as when we are root; undefined when not root. */
  user?: string;
  uid?: number;
  gid?: number;
  /** The command and arguments that run `file args` as `user`. */
  wrap: (file: string, args: string[]) => [string, string[]];
}

const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

function findCommand(names: string[]): string | undefined {
  for (const name of names) {
    if (name.includes('/')) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
      if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
    }
  }
  return undefined;
}

let cachedRunAs: RunAs | string | undefined;

/** How to run PostgreSQL commands here, or a string saying why we cannot. */
export function resolveRunAs(): RunAs | string {
  if (cachedRunAs !== undefined) return cachedRunAs;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    cachedRunAs = { wrap: (file, args) => [file, args] };
    return cachedRunAs;
  }
  const user = process.env.PG_TEST_USER || 'postgres';
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  } catch {
    cachedRunAs = `running as root and there is no "${user}" system user to run PostgreSQL as (set PG_TEST_USER to another non-root user)`;
    return cachedRunAs;
  }
  if (uid === 0) {
    cachedRunAs = `PG_TEST_USER "${user}" is root; PostgreSQL refuses to run as root`;
    return cachedRunAs;
  }
  const runuser = findCommand(['runuser']);
  const su = findCommand(['su']);
  if (runuser) {
    cachedRunAs = { user, uid, gid, wrap: (file, args) => [runuser, ['-u', user, '--', file, ...args]] };
  } else if (su) {
    cachedRunAs = {
      user,
      uid,
      gid,
      wrap: (file, args) => [su, [user, '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]],
    };
  } else {
    cachedRunAs = 'running as root and neither runuser nor su is available to switch to a non-root user';
  }
  return cachedRunAs;
}

/** Runs a PostgreSQL command as `runAs` says; its stdout, or an error carrying its output. */
export function runPostgresCommand(runAs: RunAs, file: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [cmd, argv] = runAs.wrap(file, args);
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { timeout: timeoutMs, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${error.message}\n${stderr}${stdout}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

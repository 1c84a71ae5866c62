// Test-only, like postgres-server.ts: no `import 'server-only'`, so plain Node can load it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Where PostgreSQL's server programs are: the directory and the two the tests run. */
export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  pgCtl: string;
}

function isExecutable(file: string): boolean {
  return spawnSync(file, ['--version'], { stdio: 'ignore' }).status === 0;
}

function fromDir(dir: string): PostgresBinaries | undefined {
  const initdb = path.join(dir, 'initdb');
  const pgCtl = path.join(dir, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl) || !existsSync(path.join(dir, 'postgres'))) return undefined;
  if (!isExecutable(initdb)) return undefined;
  return { binDir: dir, initdb, pgCtl };
}

let cachedBinaries: PostgresBinaries | null | undefined;

/** initdb/pg_ctl from PATH (following symlinks), else the newest /usr/lib/postgresql/<v>/bin. */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  if (cachedBinaries !== undefined) return cachedBinaries ?? undefined;
  let found: PostgresBinaries | undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'initdb');
    if (!existsSync(candidate)) continue;
    found = fromDir(path.dirname(realpathSync(candidate)));
    if (found) break;
  }
  if (!found && existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      found = fromDir(path.join('/usr/lib/postgresql', version, 'bin'));
      if (found) break;
    }
  }
  cachedBinaries = found ?? null;
  return found;
}

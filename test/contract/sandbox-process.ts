import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The real sandbox program, started as its own process on a free loopback port. */
export interface SandboxProcess {
  baseUrl: string;
  control(pathname: string, init?: RequestInit): Promise<Response>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/tsx'), ['sandbox/main.ts'], {
    env: { ...process.env, ...env, KONAPLATE_SANDBOX_PORT: String(port), KONAPLATE_SANDBOX_CONTROL: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}):\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const control = (pathname: string, init?: RequestInit) => fetch(`${origin}/__sandbox${pathname}`, init);
  return {
    baseUrl: `${origin}/open-api`,
    control,
    async reset() {
      const response = await control('/reset', { method: 'POST' });
      if (!response.ok) throw new Error(`sandbox reset failed: ${response.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachOrigin, readinessChecker, type Probe } from './readiness';

const ok: Probe = async () => undefined;
const broken: Probe = async () => {
  throw new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2');
};

describe('readinessChecker', () => {
  it('is ready when every probe answers', async () => {
    const answer = await readinessChecker({ database: ok, upstream: ok }, { timeoutMs: 100, reuseForMs: 0 })();
    expect(answer.ready).toBe(true);
    expect(answer.checks.database).toMatchObject({ ok: true });
    expect(answer.checks.upstream).toMatchObject({ ok: true });
  });

  it('names the failed check without repeating its error', async () => {
    const answer = await readinessChecker({ database: broken, upstream: ok }, { timeoutMs: 100, reuseForMs: 0 })();
    expect(answer.ready).toBe(false);
    expect(answer.checks.database).toMatchObject({ ok: false, error: 'failed' });
    expect(JSON.stringify(answer)).not.toMatch(/10\.1\.2\.3|hunter2|ECONNREFUSED/);
  });

  it('gives up on a probe after the time limit and aborts it', async () => {
    let aborted = false;
    const hanging: Probe = (signal) =>
      new Promise(() => signal.addEventListener('abort', () => (aborted = true)));
    const answer = await readinessChecker({ upstream: hanging }, { timeoutMs: 50, reuseForMs: 0 })();
    expect(answer.checks.upstream).toMatchObject({ ok: false, error: 'timeout' });
    expect(answer.checks.upstream!.ms).toBeGreaterThanOrEqual(45);
    expect(aborted).toBe(true);
  });

  it('reuses a recent answer, then probes again', async () => {
    let probes = 0;
    let clock = 0;
    const counted: Probe = async () => void probes++;
    const readiness = readinessChecker({ database: counted }, { timeoutMs: 100, reuseForMs: 1000, now: () => clock });
    await Promise.all([readiness(), readiness(), readiness()]);
    clock = 999;
    await readiness();
    expect(probes).toBe(1);
    clock = 1000;
    await readiness();
    expect(probes).toBe(2);
  });
});

describe('reachOrigin', () => {
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers });
      response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts any HTTP answer as reachable, asking the origin only, with no credentials', async () => {
    await expect(reachOrigin(`${origin}/open-api`, AbortSignal.timeout(1000))).resolves.toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ method: 'HEAD', url: '/' });
    expect(seen.at(-1)!.headers).not.toHaveProperty('authorization');
    expect(seen.at(-1)!.headers).not.toHaveProperty('cookie');
    expect(Object.keys(seen.at(-1)!.headers).filter((name) => name.startsWith('x-km-'))).toEqual([]);
  });

  it('fails when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(reachOrigin(`http://127.0.0.1:${port}/open-api`, AbortSignal.timeout(1000))).rejects.toThrow();
  });
});

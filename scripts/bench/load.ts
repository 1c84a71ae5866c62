/**
 * Closed-loop load: `concurrency` virtual operators, each sending its next request as soon as
 * the previous one is answered (so the rate is what the server sustains, not a target), for a
 * warm-up, then a measured window.
 */
import http from 'node:http';
import { percentile } from './stats';

/** One request of virtual operator `vu`; resolves when fully answered, rejects on any failure. */
export type Send = (vu: number) => Promise<void>;

export interface CellStats {
  concurrency: number;
  /** Requests started in the measured window. */
  requests: number;
  errors: number;
  /** Answered requests per second over the measured window. */
  throughput: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The first failure's message, to say what went wrong. */
  firstError?: string;
}

export async function closedLoop(send: Send, { concurrency, warmupMs, durationMs }: { concurrency: number; warmupMs: number; durationMs: number }): Promise<CellStats> {
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;

  const operator = async (vu: number) => {
    while (performance.now() < end) {
      const sent = performance.now();
      let failed = false;
      try {
        await send(vu);
      } catch (error) {
        failed = true;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      if (sent < measureFrom) continue;
      if (failed) errors++;
      else latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, vu) => operator(vu)));

  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: latencies.length + errors,
    errors,
    throughput: latencies.length / (durationMs / 1000),
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    firstError,
  };
}

/**
 * GET over a keep-alive connection of `agent`; the body as text. Rejects on a network error,
 * after 30 s, or on a status other than 2xx (a redirect to sign-in is a failure here).
 */
export function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers, timeout: 30_000 }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(Buffer.concat(parts).toString('utf8'));
        else reject(new Error(`HTTP ${status}${response.headers.location ? ` → ${response.headers.location}` : ''}`));
      });
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
  });
}

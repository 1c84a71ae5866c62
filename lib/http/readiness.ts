/**
 * Readiness: can the console serve operators now? Each dependency is probed with a short
 * time limit; the answer names what failed but carries no address, message or secret,
 * since anyone may ask.
 */

/** One dependency's probe; it should give up when `signal` aborts. */
export type Probe = (signal: AbortSignal) => Promise<unknown>;

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: 'timeout' | 'failed';
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

async function runProbe(probe: Probe, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    // A probe that ignores the signal (a database query) is still not waited for.
    const outcome = await Promise.race([probe(controller.signal).then(() => 'ok' as const), timedOut]);
    const ms = Math.round(performance.now() - started);
    return outcome === 'ok' ? { ok: true, ms } : { ok: false, ms, error: 'timeout' };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started), error: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

export interface ReadinessOptions {
  timeoutMs: number;
  /** One answer serves every request in this window: probing the upstream per request would let anyone flood it. */
  reuseForMs: number;
  now?: () => number;
}

/** A function answering readiness, all probes in parallel, reusing a recent answer. */
export function readinessChecker(probes: Record<string, Probe>, { timeoutMs, reuseForMs, now = Date.now }: ReadinessOptions) {
  let recent: { at: number; answer: Promise<Readiness> } | undefined;
  return (): Promise<Readiness> => {
    if (recent && now() - recent.at < reuseForMs) return recent.answer;
    const answer = Promise.all(
      Object.entries(probes).map(async ([name, probe]) => [name, await runProbe(probe, timeoutMs)] as const),
    ).then((entries) => ({ ready: entries.every(([, check]) => check.ok), checks: Object.fromEntries(entries) }));
    recent = { at: now(), answer };
    return answer;
  };
}

/**
 * Reaches the origin of `baseUrl` over HTTP(S), without credentials: any HTTP answer, even
 * an error status, means the network path and TLS work; only no answer fails.
 */
export async function reachOrigin(baseUrl: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${new URL(baseUrl).origin}/`, {
    method: 'HEAD',
    redirect: 'manual',
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  await response.body?.cancel();
}

import 'server-only';
import { env } from '@/lib/env';
import type { Fault } from './faults';

/**
 * The console's side of the sandbox control endpoint (`/__sandbox/…` on the sandbox's
 * origin, loopback only). Used only while the upstream is this project's sandbox.
 */
export class SandboxUnavailableError extends Error {
  constructor(reason: string) {
    super(`The sandbox control endpoint is unavailable: ${reason}`);
    this.name = 'SandboxUnavailableError';
  }
}

export async function sandboxControl<T>(path: string, init?: RequestInit): Promise<T> {
  const { KONAPLATE_BASE_URL, upstreamIsSandbox } = env();
  if (!upstreamIsSandbox) throw new SandboxUnavailableError('the upstream is not the local sandbox');
  const url = `${new URL(KONAPLATE_BASE_URL).origin}/__sandbox${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...init?.headers },
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
  } catch (error) {
    throw new SandboxUnavailableError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new SandboxUnavailableError(`HTTP ${response.status} from ${path}`);
  return (await response.json()) as T;
}

/** How long the banner's read of the sandbox's faults is shared by every page rendered meanwhile. */
export const ACTIVE_FAULTS_TTL_MS = 1_000;
let activeFaults: { readAt: number; faults: Promise<Record<string, Fault>> } | undefined;

/**
 * The sandbox's faults that are on, for the banner on every page: read at most once a second,
 * not for every page, and afresh after this console switches one. None when the sandbox
 * cannot say: the banner is advisory.
 */
export function activeSandboxFaults(now = performance.now()): Promise<Record<string, Fault>> {
  if (!activeFaults || now - activeFaults.readAt >= ACTIVE_FAULTS_TTL_MS) {
    activeFaults = {
      readAt: now,
      faults: sandboxControl<{ faults: Record<string, Fault> }>('/faults').then(
        (answer) => answer.faults,
        () => ({}),
      ),
    };
  }
  return activeFaults.faults;
}

/** After a fault is switched or the sandbox reset from this console: the next page reads afresh. */
export function forgetActiveSandboxFaults(): void {
  activeFaults = undefined;
}

import 'server-only';
import { env } from '@/lib/env';

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

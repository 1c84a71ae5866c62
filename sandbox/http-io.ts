import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers shared by the API and control handlers. */

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body's bytes as received; undefined when it exceeds MAX_BODY_BYTES. */
export async function readRawBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining so the client can still read our answer.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

// fatal: bytes that are not UTF-8 are refused, not replaced; ignoreBOM: a BOM stays, and JSON refuses it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as UTF-8 text, as JSON requires; undefined when its bytes are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // unref: a pending latency fault must not keep a stopping process alive.
    setTimeout(resolve, ms).unref();
  });

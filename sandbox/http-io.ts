import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers shared by the API and control handlers. */

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as received, decoded as UTF-8; undefined when it exceeds MAX_BODY_BYTES. */
export async function readRawBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining so the client can still read our answer.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
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

import { randomBytes } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, importPKCS8, importSPKI } from 'jose';
import { DEFAULT_OPTIONS } from './config';
import type { generateSandboxKeys } from './crypto';
import { tranToken } from './protocol';
import { scenarioWireBody } from './scenarios';
import { createSandbox, type CreateSandboxOptions, type Sandbox } from './server';

/** A minimal Konaplate client for the sandbox's own tests (the console's client lives in lib/). */

export type SandboxKeys = Awaited<ReturnType<typeof generateSandboxKeys>>;

export interface CallOptions {
  /** Overrides of the computed headers; undefined removes a header. */
  headers?: Record<string, string | undefined>;
  /** Encrypt the body with these keys (and decrypt the answer). */
  keys?: SandboxKeys;
  method?: string;
  /** Zone of X-KM-Time-Zone and of both computed times; UTC when absent. */
  timeZone?: 'UTC' | 'KST';
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** The decrypted body when the call was encrypted. */
  body: { response: { code: string; description: string } } & Record<string, unknown>;
  wireBody: string;
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function correlationId(now = new Date()): string {
  const stamp = `${pad(now.getUTCFullYear() % 100)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${stamp}-${randomBytes(4).toString('hex').slice(0, 7)}`;
}

/** `yyyyMMddHHmmss` (X-KM-Tran-Time), or with `SSS` (the token's time), of `at` as a wall clock in `zone`. */
export function wallClockStamp(
  at: Date,
  { zone = 'UTC', withMillis = false }: { zone?: 'UTC' | 'KST'; withMillis?: boolean } = {},
): string {
  const t = new Date(at.getTime() + (zone === 'KST' ? 9 * 3_600_000 : 0));
  const base = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
  return withMillis ? base + pad(t.getUTCMilliseconds(), 3) : base;
}

export interface TestSandbox {
  sandbox: Sandbox;
  origin: string;
  /** POST a raw body (bytes or a string) or a value (written with scenarioWireBody) to an /open-api path. */
  call(path: string, body: unknown, options?: CallOptions): Promise<CallResult>;
  stop(): Promise<void>;
}

export async function startTestSandbox(options: CreateSandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox({ port: 0, ...options });
  const { port } = await sandbox.listen();
  const origin = `http://127.0.0.1:${port}`;
  const { aspId, accessKey, secretKey } = { ...DEFAULT_OPTIONS, ...options };

  async function call(path: string, body: unknown, callOptions: CallOptions = {}): Promise<CallResult> {
    const encoder = new TextEncoder();
    // Copied into a Uint8Array<ArrayBuffer>, the kind fetch takes as a body.
    const plaintext = body instanceof Uint8Array ? new Uint8Array(body) : encoder.encode(typeof body === 'string' ? body : scenarioWireBody(body));
    const { keys, timeZone: zone = 'UTC' } = callOptions;
    let wire = plaintext;
    if (keys) {
      const platformKey = await importSPKI(keys.platform.publicKey, 'RSA-OAEP-256');
      const jwe = await new CompactEncrypt(plaintext)
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A128GCM' })
        .encrypt(platformKey);
      wire = encoder.encode(JSON.stringify({ encData: jwe }));
    }
    const now = new Date();
    const headers: Record<string, string | undefined> = {
      'Content-Type': 'application/json',
      'X-KM-User-AspId': aspId,
      'X-KM-Correlation-Id': correlationId(now),
      'X-KM-Access-Key': accessKey,
      'X-KM-Tran-Time': wallClockStamp(now, { zone }),
      'X-KM-Time-Zone': zone,
      'X-KM-Tran-Token': tranToken(secretKey, wire, wallClockStamp(now, { zone, withMillis: true })),
      ...(keys ? { 'X-KM-Crypto-Key-Id': keys.keyId } : {}),
      ...callOptions.headers,
    };
    const response = await fetch(`${origin}/open-api${path}`, {
      method: callOptions.method ?? 'POST',
      headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)),
      body: callOptions.method === 'GET' ? undefined : wire,
    });
    const wireBody = await response.text();
    let text = wireBody;
    const encData = response.headers.get('X-KM-Crypto-Key-Id') && keys ? (JSON.parse(wireBody) as { encData: string }).encData : undefined;
    if (encData && keys) {
      const { plaintext: decrypted } = await compactDecrypt(encData, await importPKCS8(keys.client.privateKey, 'RSA-OAEP-256'));
      text = new TextDecoder().decode(decrypted);
    }
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as CallResult['body'], wireBody };
  }

  return { sandbox, origin, call, stop: () => sandbox.close() };
}

export function cryptoOptions(keys: SandboxKeys) {
  return { keyId: keys.keyId, privateKeyPem: keys.platform.privateKey, clientPublicKeyPem: keys.client.publicKey };
}

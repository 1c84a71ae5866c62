import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_OPTIONS, type SandboxOptions } from './config';
import { CONTROL_PREFIX, handleControl } from './control';
import { loadBodyCrypto, type BodyCrypto } from './crypto';
import { endpointByPath, type Endpoint } from './endpoints';
import { FaultStore, type Fault } from './faults';
import { loadFixture, type Fixture } from './fixture';
import { isLoopback, readRawBody, sendJson, sleep, utf8Text } from './http-io';
import { JsonNumber, parseJson, stringifyJson, type JsonValue } from './json-body';
import { checkHeaders, header } from './protocol';
import { RequestLog } from './request-log';
import { ApiFailure, RESULTS, type Result } from './result-codes';
import { SandboxState } from './state';

/** The sandbox HTTP server: Konaplate's API under /open-api, plus the optional control endpoint. */

export interface CreateSandboxOptions extends Partial<SandboxOptions> {
  /** An already loaded fixture; otherwise fixturePath or the bundled fixture.json is loaded. */
  fixture?: Fixture;
}

export interface Sandbox {
  server: Server;
  fixture: Fixture;
  state: SandboxState;
  faults: FaultStore;
  log: RequestLog;
  listen(): Promise<{ port: number; host: string }>;
  close(): Promise<void>;
  /** State back to the fixture, faults cleared, request log cleared. */
  reset(): void;
}

interface Answer {
  result: Result;
  data?: Record<string, unknown>;
  /** Set when the request came encrypted: the answer goes back encrypted too. */
  crypto?: BodyCrypto;
  /** What the log shows as the request body (the plaintext of an encrypted call). */
  loggedBody: string;
}

const isObject = (value: JsonValue): value is { [key: string]: JsonValue } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);

function parseBody(text: string): JsonValue {
  try {
    return parseJson(text);
  } catch {
    throw new ApiFailure(RESULTS.invalidInput('body'));
  }
}

export function createSandbox(input: CreateSandboxOptions = {}): Sandbox {
  const { fixture: givenFixture, ...rest } = input;
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...rest };
  const fixture = givenFixture ?? loadFixture(options.fixturePath);
  const state = new SandboxState(fixture, { deliveryStepMinutes: options.deliveryStepMinutes });
  const faults = new FaultStore();
  const log = new RequestLog();
  // Imported once; a bad key fails listen(), not the first encrypted request.
  const crypto: Promise<BodyCrypto | undefined> = options.crypto ? loadBodyCrypto(options.crypto) : Promise.resolve(undefined);
  crypto.catch(() => undefined);

  const reset = () => {
    state.reset();
    faults.clear();
    log.clear();
  };

  async function answer(endpoint: Endpoint, req: IncomingMessage, raw: Buffer): Promise<Answer> {
    // The log's copy only: bytes that are not UTF-8 show as U+FFFD there.
    let loggedBody = raw.toString('utf8');
    let bodyCrypto: BodyCrypto | undefined;
    try {
      const headerFault = checkHeaders(req.headers, raw, options, new Date());
      if (headerFault) throw new ApiFailure(headerFault);

      const text = utf8Text(raw);
      // JSON is UTF-8: other bytes are a malformed body, never text to repair.
      if (text === undefined) throw new ApiFailure(RESULTS.invalidInput('body'));
      let body = parseBody(text);
      if (isObject(body) && 'encData' in body) {
        if (!endpoint.encryptable) throw new ApiFailure(RESULTS.invalidInput('encData'));
        const keys = await crypto;
        if (!keys || header(req.headers, 'X-KM-Crypto-Key-Id') !== keys.keyId) {
          throw new ApiFailure(RESULTS.unknownCryptoKey);
        }
        const encData = body.encData;
        if (typeof encData !== 'string') throw new ApiFailure(RESULTS.undecryptable);
        loggedBody = await keys.decrypt(encData).catch(() => {
          throw new ApiFailure(RESULTS.undecryptable);
        });
        bodyCrypto = keys;
        body = parseBody(loggedBody);
      }
      const data = endpoint.handle(body, { state, now: state.now() });
      return { result: RESULTS.success, data, crypto: bodyCrypto, loggedBody };
    } catch (error) {
      if (error instanceof ApiFailure) return { result: error.result, crypto: bodyCrypto, loggedBody };
      console.error('[sandbox] unexpected error', error);
      return { result: RESULTS.platformError(500), loggedBody };
    }
  }

  async function send(res: ServerResponse, correlationId: string | undefined, reply: Omit<Answer, 'loggedBody'>) {
    const { result, data, crypto: bodyCrypto } = reply;
    const headers: Record<string, string> = correlationId ? { 'X-KM-Correlation-Id': correlationId } : {};
    let body = stringifyJson({ response: { code: result.code, description: result.description }, ...data });
    if (bodyCrypto) {
      body = JSON.stringify({ encData: await bodyCrypto.encrypt(body) });
      headers['X-KM-Crypto-Key-Id'] = bodyCrypto.keyId;
    }
    sendJson(res, result.status, body, headers);
  }

  async function applyFault(fault: Fault, res: ServerResponse, correlationId: string | undefined) {
    switch (fault.kind) {
      case 'latency':
        await sleep(fault.ms);
        return undefined;
      case 'http-5xx':
        await send(res, correlationId, { result: RESULTS.platformError(fault.status) });
        return { status: fault.status, code: '900_500' };
      case 'drop':
        res.socket?.destroy();
        return { status: null, code: null };
      case 'malformed-json':
        sendJson(res, 200, '{"response":{"code":"000_000","description":"Succ', correlationId ? { 'X-KM-Correlation-Id': correlationId } : {});
        return { status: 200, code: null };
      case 'plaintext-answer':
        // Answered normally; handleApi then sends it unencrypted.
        return undefined;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const correlationId = header(req.headers, 'X-KM-Correlation-Id');
    const endpoint = endpointByPath(url.pathname);
    if (!endpoint) return send(res, correlationId, { result: RESULTS.notFound });
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return send(res, correlationId, { result: RESULTS.methodNotAllowed });
    }
    const raw = await readRawBody(req);
    log.count(endpoint.key, correlationId);
    const entry = { at: new Date().toISOString(), endpoint: endpoint.key, path: url.pathname, correlationId: correlationId ?? null };

    const fault = faults.for(endpoint.key);
    const faulted = fault && (await applyFault(fault, res, correlationId));
    if (faulted) return log.record({ ...entry, rawBody: raw?.toString('utf8') ?? '', ...faulted });

    const reply: Answer =
      raw === undefined ? { result: RESULTS.invalidInput('body'), loggedBody: '' } : await answer(endpoint, req, raw);
    // A downgrade: even an answer to an encrypted request goes back as plain JSON.
    await send(res, correlationId, fault?.kind === 'plaintext-answer' ? { ...reply, crypto: undefined } : reply);
    log.record({ ...entry, rawBody: reply.loggedBody, status: reply.result.status, code: reply.result.code });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const isControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    // Disabled or not on loopback: the control endpoint answers exactly like any unknown path.
    const handled =
      isControl && options.controlEnabled && isLoopback(req.socket.remoteAddress)
        ? handleControl(req, res, url, { fixture, state, faults, log, reset })
        : handleApi(req, res, url);
    handled.catch((error: unknown) => {
      console.error('[sandbox] request failed', error);
      const { code, description } = RESULTS.platformError(500);
      if (!res.headersSent) sendJson(res, 500, JSON.stringify({ response: { code, description } }));
      else res.destroy();
    });
  });

  return {
    server,
    fixture,
    state,
    faults,
    log,
    reset,
    async listen() {
      await crypto;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      return { port: address.port, host: options.host };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

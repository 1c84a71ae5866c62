import 'server-only';
import { z } from 'zod';
import { plainCodec, UnencryptedAnswerError, type BodyCodec } from './codec';
import { KonaplateError, type KonaplateErrorKind } from './errors';
import { buildHeaders, newCorrelationId, type KonaplateTimeZone } from './headers';
import { SUCCESS_CODE } from '@/lib/domain/result-codes';
import { parseWireJson, toWireJson } from './wire-json';

export interface TransportConfig {
  /** Includes the `/open-api` prefix, no trailing slash. */
  baseUrl: string;
  aspId: string;
  accessKey: string;
  secretKey: string;
  timeZone: KonaplateTimeZone;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  /** The codec for endpoints the vendor marks encrypted. */
  codec: BodyCodec;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Told of every exchange, with plain (decrypted) bodies: the QA request inspector. */
  observe?: (exchange: Exchange) => void;
}

/** One request and its answer as seen by the console, bodies in plain JSON text. */
export interface Exchange {
  at: Date;
  path: string;
  correlationId: string;
  outcome: 'ok' | KonaplateErrorKind;
  httpStatus?: number;
  code?: string;
  durationMs: number;
  requestBody: string;
  /** Decrypted when it was encrypted; absent when nothing readable came back. */
  responseBody?: string;
}

export interface CallSpec<T> {
  path: `/api/v1/${string}`;
  body: unknown;
  /** The vendor marks the endpoint encrypted: the configured codec applies. */
  encrypted: boolean;
  /** Issuance and reissuance: never retried, and a lost answer means "outcome unknown". */
  mutating: boolean;
  data: z.ZodType<T>;
}

export interface CallResult<T> {
  data: T;
  correlationId: string;
  durationMs: number;
}

const envelopeSchema = z.object({
  response: z.object({ code: z.string(), description: z.string().optional().default('') }),
});

/** One call to Konaplate: headers, codec, timeout, envelope, schema; one typed error. */
export async function konaplateCall<T>(config: TransportConfig, spec: CallSpec<T>): Promise<CallResult<T>> {
  try {
    return await attempt(config, spec);
  } catch (error) {
    // Reads may be retried once when the connection failed; writes never are. The retry is
    // the same transaction: it keeps its correlation id, so one audit event names both tries.
    if (!spec.mutating && error instanceof KonaplateError && error.kind === 'network') {
      return attempt(config, spec, error.correlationId);
    }
    throw error;
  }
}

async function attempt<T>(config: TransportConfig, spec: CallSpec<T>, retryOf?: string): Promise<CallResult<T>> {
  const codec = spec.encrypted ? config.codec : plainCodec;
  const at = (config.now ?? (() => new Date()))();
  const correlationId = retryOf ?? newCorrelationId(at, config.timeZone);
  const started = performance.now();
  const fail = (kind: KonaplateErrorKind, extra: Partial<ConstructorParameters<typeof KonaplateError>[0]> = {}) =>
    new KonaplateError({
      kind,
      endpoint: spec.path,
      correlationId,
      mutating: spec.mutating,
      durationMs: Math.round(performance.now() - started),
      ...extra,
    });

  const requestBody = toWireJson(spec.body);
  const seen: Pick<Exchange, 'httpStatus' | 'responseBody'> = {};
  const observe = (outcome: Exchange['outcome'], code?: string) =>
    config.observe?.({
      at,
      path: spec.path,
      correlationId,
      outcome,
      code,
      durationMs: Math.round(performance.now() - started),
      requestBody,
      ...seen,
    });

  try {
    // Encoded once: the token's MAC covers exactly the bytes fetch sends.
    const wireBody = new TextEncoder().encode(await codec.encode(requestBody));
    const headers = buildHeaders({
      aspId: config.aspId,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      timeZone: config.timeZone,
      cryptoKeyId: spec.encrypted ? codec.keyId : undefined,
      body: wireBody,
      correlationId,
      at,
    });

    let response: Response;
    let text: string;
    try {
      response = await (config.fetch ?? fetch)(`${config.baseUrl}${spec.path}`, {
        method: 'POST',
        headers,
        body: wireBody,
        signal: AbortSignal.timeout(spec.mutating ? config.writeTimeoutMs : config.readTimeoutMs),
        cache: 'no-store',
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw fail(timedOut ? 'timeout' : 'network', { cause: error });
    }

    const httpStatus = response.status;
    seen.httpStatus = httpStatus;
    seen.responseBody = text;
    let json: unknown;
    try {
      seen.responseBody = await codec.decode(text, httpStatus);
      json = parseWireJson(seen.responseBody);
    } catch (error) {
      throw fail(httpStatus >= 500 ? 'upstream' : 'malformed-response', {
        httpStatus,
        // Says why a well-formed JSON answer was not read (the inspector and logs show it).
        vendorMessage: error instanceof UnencryptedAnswerError ? error.message : undefined,
        cause: error,
      });
    }

    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw fail(httpStatus >= 500 ? 'upstream' : 'malformed-response', { httpStatus, cause: envelope.error });
    }
    const { code, description } = envelope.data.response;
    if (httpStatus >= 500) throw fail('upstream', { httpStatus, code, vendorMessage: description });
    if (code !== SUCCESS_CODE || httpStatus !== 200) {
      throw fail('rejected', { httpStatus, code, vendorMessage: description });
    }

    const data = spec.data.safeParse(json);
    if (!data.success) {
      throw fail('malformed-response', {
        httpStatus,
        code,
        vendorMessage: `unexpected answer shape: ${z.prettifyError(data.error)}`,
        cause: data.error,
      });
    }
    observe('ok', code);
    return { data: data.data, correlationId, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof KonaplateError) observe(error.kind, error.code);
    throw error;
  }
}

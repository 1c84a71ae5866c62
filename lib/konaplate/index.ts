import 'server-only';

/**
 * The Konaplate client: wire format, transport, typed errors. It knows nothing of the
 * console's auth, audit or database; lib/upstream assembles it with the configuration.
 */
export { createKonaplateClient, type KonaplateClient } from './client';
export type * from './client';
export { jweCodec, plainCodec, type BodyCodec } from './codec';
export { KonaplateError, type KonaplateErrorKind } from './errors';
export type { CallResult, Exchange } from './transport';

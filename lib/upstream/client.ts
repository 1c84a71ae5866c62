import 'server-only';
import { env } from '@/lib/env';
import { createKonaplateClient, jweCodec, plainCodec, type KonaplateClient } from '@/lib/konaplate';
import { inspectExchange } from '@/lib/qa/inspector';

let client: KonaplateClient | undefined;

/**
 * The process-wide Konaplate client, assembled here from the validated environment and
 * the QA request inspector: lib/konaplate itself knows nothing of either.
 */
export function konaplate(): KonaplateClient {
  if (!client) {
    const e = env();
    client = createKonaplateClient({
      baseUrl: e.KONAPLATE_BASE_URL,
      aspId: e.KONAPLATE_ASP_ID,
      accessKey: e.KONAPLATE_ACCESS_KEY,
      secretKey: e.KONAPLATE_SECRET_KEY,
      timeZone: e.KONAPLATE_TIME_ZONE,
      readTimeoutMs: e.KONAPLATE_READ_TIMEOUT_MS,
      writeTimeoutMs: e.KONAPLATE_WRITE_TIMEOUT_MS,
      codec:
        e.KONAPLATE_CRYPTO_KEY_ID && e.KONAPLATE_CLIENT_PRIVATE_KEY && e.KONAPLATE_PLATFORM_PUBLIC_KEY
          ? jweCodec({
              keyId: e.KONAPLATE_CRYPTO_KEY_ID,
              clientPrivateKey: e.KONAPLATE_CLIENT_PRIVATE_KEY,
              platformPublicKey: e.KONAPLATE_PLATFORM_PUBLIC_KEY,
            })
          : plainCodec,
      observe: inspectExchange,
    });
  }
  return client;
}

import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { jweCodec, plainCodec } from '@/lib/konaplate/codec';
import type { TransportConfig } from '@/lib/konaplate/transport';

export const SANDBOX_CREDENTIALS = {
  aspId: 'ASPSANDBOX00001',
  accessKey: 'sandbox-access-key-0123456789abcdef01234',
  secretKey: 'sandbox-secret-key',
} as const;

export function transportConfig(baseUrl: string, overrides: Partial<TransportConfig> = {}): TransportConfig {
  return {
    baseUrl,
    ...SANDBOX_CREDENTIALS,
    timeZone: 'KST',
    readTimeoutMs: 5_000,
    writeTimeoutMs: 5_000,
    codec: plainCodec,
    ...overrides,
  };
}

/** Two RSA key pairs and a key id: the platform's (the sandbox's) and ours. */
export async function generateCryptoSetup() {
  const pair = async () => {
    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    return { publicPem: await exportSPKI(publicKey), privatePem: await exportPKCS8(privateKey) };
  };
  const [platform, client] = await Promise.all([pair(), pair()]);
  const keyId = 'ck' + 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5'.slice(0, 30);
  return {
    sandboxEnv: {
      KONAPLATE_SANDBOX_CRYPTO_KEY_ID: keyId,
      KONAPLATE_SANDBOX_PRIVATE_KEY: platform.privatePem,
      KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY: client.publicPem,
    },
    codec: jweCodec({ keyId, clientPrivateKey: client.privatePem, platformPublicKey: platform.publicPem }),
  };
}

import { randomBytes } from 'node:crypto';
import {
  CompactEncrypt,
  compactDecrypt,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  importSPKI,
} from 'jose';
import type { CryptoOptions } from './config';

/** JWE bodies as Konaplate uses them: RSA-OAEP-256 key wrapping, AES-GCM content. */

const ALG = 'RSA-OAEP-256';

export interface BodyCrypto {
  keyId: string;
  decrypt(jwe: string): Promise<string>;
  encrypt(plaintext: string): Promise<string>;
}

export async function loadBodyCrypto(options: CryptoOptions): Promise<BodyCrypto> {
  const [privateKey, clientPublicKey] = await Promise.all([
    importPKCS8(options.privateKeyPem, ALG),
    importSPKI(options.clientPublicKeyPem, ALG),
  ]);
  return {
    keyId: options.keyId,
    async decrypt(jwe) {
      const { plaintext } = await compactDecrypt(jwe, privateKey, {
        keyManagementAlgorithms: [ALG],
        contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
      });
      return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
    },
    encrypt: (plaintext) =>
      new CompactEncrypt(new TextEncoder().encode(plaintext))
        .setProtectedHeader({ alg: ALG, enc: 'A128GCM' })
        .encrypt(clientPublicKey),
  };
}

export interface PemKeyPair {
  publicKey: string;
  privateKey: string;
}

/** Fresh keys for tests: the platform's pair (the sandbox's) and the client's, plus a key id. */
export async function generateSandboxKeys(): Promise<{ keyId: string; platform: PemKeyPair; client: PemKeyPair }> {
  const pair = async (): Promise<PemKeyPair> => {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
    return { publicKey: await exportSPKI(publicKey), privateKey: await exportPKCS8(privateKey) };
  };
  const [platform, client] = await Promise.all([pair(), pair()]);
  return { keyId: randomBytes(16).toString('hex'), platform, client };
}

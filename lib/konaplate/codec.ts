import 'server-only';
import { CompactEncrypt, compactDecrypt, importPKCS8, importSPKI } from 'jose';

/**
 * The body codec seam: plain JSON, or Konaplate's JWE wrapper `{"encData": "<compact JWE>"}`
 * (RSA-OAEP-256 key wrap, AES-GCM content; requests to the platform's public key,
 * responses to ours).
 */
export interface BodyCodec {
  /** Key id sent as X-KM-Crypto-Key-Id, when encrypting. */
  readonly keyId?: string;
  encode(plainJson: string): Promise<string>;
  /** Turns a response body into plain JSON text (decrypting `encData` when present). */
  decode(wireText: string): Promise<string>;
}

export const plainCodec: BodyCodec = {
  encode: async (plainJson) => plainJson,
  decode: async (wireText) => wireText,
};

export interface CryptoKeys {
  keyId: string;
  /** Our RSA private key (PKCS#8 PEM): responses are encrypted to our public key. */
  clientPrivateKey: string;
  /** The platform's RSA public key (SPKI PEM): requests are encrypted to it. */
  platformPublicKey: string;
}

const KEY_ALG = 'RSA-OAEP-256';

export function jweCodec(keys: CryptoKeys): BodyCodec {
  // Imported once per codec; jose keys are reusable.
  const publicKey = importSPKI(keys.platformPublicKey, KEY_ALG);
  const privateKey = importPKCS8(keys.clientPrivateKey, KEY_ALG);
  return {
    keyId: keys.keyId,
    async encode(plainJson) {
      const jwe = await new CompactEncrypt(new TextEncoder().encode(plainJson))
        .setProtectedHeader({ alg: KEY_ALG, enc: 'A128GCM' })
        .encrypt(await publicKey);
      return JSON.stringify({ encData: jwe });
    },
    async decode(wireText) {
      const encData = readEncData(wireText);
      if (encData === undefined) return wireText; // header faults come back unencrypted
      const { plaintext } = await compactDecrypt(encData, await privateKey, {
        keyManagementAlgorithms: [KEY_ALG],
        contentEncryptionAlgorithms: ['A128GCM', 'A256GCM'],
      });
      return new TextDecoder().decode(plaintext);
    },
  };
}

function readEncData(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'encData' in parsed && typeof parsed.encData === 'string') {
      return parsed.encData;
    }
  } catch {
    // not JSON: the caller reports it as a malformed response
  }
  return undefined;
}

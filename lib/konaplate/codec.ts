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
  /**
   * Turns a response body into plain JSON text. The JWE codec decrypts `encData` and throws
   * UnencryptedAnswerError for an answer that should have come encrypted and did not.
   */
  decode(wireText: string, httpStatus: number): Promise<string>;
}

export const plainCodec: BodyCodec = {
  encode: async (plainJson) => plainJson,
  decode: async (wireText) => wireText,
};

/** An answer without `encData` where the platform encrypts: a downgrade, never read as data. */
export class UnencryptedAnswerError extends Error {
  constructor(httpStatus: number) {
    super(`HTTP ${httpStatus} answer without encData on an encrypted endpoint`);
    this.name = 'UnencryptedAnswerError';
  }
}

/**
 * Statuses the platform answers before it has read an encrypted body, and so answers plain:
 * header, credential, token and key faults (401), routing (404, 405), platform failures (5xx).
 * A 200 or a 400 means the body was read, and comes encrypted. The reference is silent on
 * this: it is our convention (the sandbox behaves so), kept here to change in one place.
 */
const answeredBeforeDecryption = (httpStatus: number) =>
  httpStatus === 401 || httpStatus === 404 || httpStatus === 405 || httpStatus >= 500;

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
    async decode(wireText, httpStatus) {
      const encData = readEncData(wireText);
      if (encData === undefined) {
        if (answeredBeforeDecryption(httpStatus)) return wireText;
        throw new UnencryptedAnswerError(httpStatus);
      }
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

import { CompactEncrypt, compactDecrypt, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { jweCodec, plainCodec, UnencryptedAnswerError, type CryptoKeys } from './codec';

async function pemPair() {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  return { publicPem: await exportSPKI(publicKey), privatePem: await exportPKCS8(privateKey) };
}

describe('body codec', () => {
  let client: Awaited<ReturnType<typeof pemPair>>;
  let platform: Awaited<ReturnType<typeof pemPair>>;
  let keys: CryptoKeys;

  beforeAll(async () => {
    [client, platform] = await Promise.all([pemPair(), pemPair()]);
    keys = { keyId: 'k'.repeat(32), clientPrivateKey: client.privatePem, platformPublicKey: platform.publicPem };
  });

  it('plain codec passes text through', async () => {
    expect(await plainCodec.encode('{"a":1}')).toBe('{"a":1}');
    expect(await plainCodec.decode('{"a":1}', 200)).toBe('{"a":1}');
  });

  it('encrypts requests to the platform key as {"encData": RSA-OAEP-256 + A128GCM JWE}', async () => {
    const wire = await jweCodec(keys).encode('{"userInfo":{"userId":9999999999999999999}}');
    const { encData } = JSON.parse(wire) as { encData: string };
    const { plaintext, protectedHeader } = await compactDecrypt(
      encData,
      await importPKCS8(platform.privatePem, 'RSA-OAEP-256'),
    );
    expect(protectedHeader).toEqual({ alg: 'RSA-OAEP-256', enc: 'A128GCM' });
    expect(new TextDecoder().decode(plaintext)).toBe('{"userInfo":{"userId":9999999999999999999}}');
  });

  it('decrypts responses encrypted to the client key, A128GCM or A256GCM', async () => {
    const { importSPKI } = await import('jose');
    const clientPublic = await importSPKI(client.publicPem, 'RSA-OAEP-256');
    for (const enc of ['A128GCM', 'A256GCM']) {
      const jwe = await new CompactEncrypt(new TextEncoder().encode('{"ok":true}'))
        .setProtectedHeader({ alg: 'RSA-OAEP-256', enc })
        .encrypt(clientPublic);
      expect(await jweCodec(keys).decode(JSON.stringify({ encData: jwe }), 200)).toBe('{"ok":true}');
    }
  });

  it.each([401, 404, 405, 500, 503])('passes a plain HTTP %i answer through (given before the body is read)', async (status) => {
    expect(await jweCodec(keys).decode('{"response":{"code":"900_001"}}', status)).toBe('{"response":{"code":"900_001"}}');
  });

  it.each([200, 400])('refuses a plain HTTP %i answer: the body was read, so the answer must be encrypted', async (status) => {
    const plain = '{"response":{"code":"000_000","description":"Success."},"cardApplyNo":"AP2401011234567890123X"}';
    await expect(jweCodec(keys).decode(plain, status)).rejects.toBeInstanceOf(UnencryptedAnswerError);
    await expect(jweCodec(keys).decode('{"encData":42}', status)).rejects.toBeInstanceOf(UnencryptedAnswerError);
  });

  it('fails on a JWE not meant for us', async () => {
    const wire = await jweCodec(keys).encode('{}'); // encrypted to the platform, not to us
    await expect(jweCodec(keys).decode(wire, 200)).rejects.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, optionsFromEnv } from './config';
import { generateSandboxKeys } from './crypto';
import { createSandbox } from './server';

describe('optionsFromEnv', () => {
  it('defaults to the documented sandbox values', () => {
    expect(optionsFromEnv({})).toEqual({ ...DEFAULT_OPTIONS, crypto: undefined, fixturePath: undefined });
    expect(DEFAULT_OPTIONS).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      aspId: 'ASPSANDBOX00001',
      accessKey: 'sandbox-access-key-0123456789abcdef01234',
      secretKey: 'sandbox-secret-key',
      tokenWindowSeconds: 300,
      controlEnabled: false,
    });
  });

  it('reads every variable; PEMs may carry literal \\n', async () => {
    const keys = await generateSandboxKeys();
    const escaped = (pem: string) => pem.replace(/\n/g, '\\n');
    const options = optionsFromEnv({
      KONAPLATE_SANDBOX_PORT: '4999',
      KONAPLATE_SANDBOX_HOST: '::1',
      KONAPLATE_SANDBOX_ASP_ID: 'ASPOTHER0000001',
      KONAPLATE_SANDBOX_ACCESS_KEY: 'a'.repeat(40),
      KONAPLATE_SANDBOX_SECRET_KEY: 's',
      KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS: '90',
      KONAPLATE_SANDBOX_CRYPTO_KEY_ID: keys.keyId,
      KONAPLATE_SANDBOX_PRIVATE_KEY: escaped(keys.platform.privateKey),
      KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY: keys.client.publicKey,
      KONAPLATE_SANDBOX_CONTROL: '1',
      KONAPLATE_SANDBOX_FIXTURE: '/tmp/f.json',
    });
    expect(options).toMatchObject({ port: 4999, host: '::1', aspId: 'ASPOTHER0000001', secretKey: 's', tokenWindowSeconds: 90, controlEnabled: true, fixturePath: '/tmp/f.json' });
    expect(options.crypto?.privateKeyPem).toBe(keys.platform.privateKey.trim());
    expect(options.crypto?.clientPublicKeyPem).toBe(keys.client.publicKey.trim());
    // The unescaped key imports: listen() would fail otherwise.
    const sandbox = createSandbox({ ...options, port: 0, host: '127.0.0.1', fixturePath: undefined });
    await sandbox.listen();
    await sandbox.close();
  });

  it.each([
    [{ KONAPLATE_SANDBOX_CRYPTO_KEY_ID: 'k'.repeat(32) }, /all three/],
    [{ KONAPLATE_SANDBOX_ASP_ID: 'short' }, /KONAPLATE_SANDBOX_ASP_ID/],
    [{ KONAPLATE_SANDBOX_PORT: 'http' }, /KONAPLATE_SANDBOX_PORT/],
    [{ KONAPLATE_SANDBOX_CONTROL: 'yes' }, /KONAPLATE_SANDBOX_CONTROL/],
    [{ KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS: '0' }, /KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS/],
    [{ KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS: '5m' }, /KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS/],
    [{ KONAPLATE_SANDBOX_PRIVATE_KEY: 'not a pem' }, /KONAPLATE_SANDBOX_PRIVATE_KEY/],
  ])('refuses %j', (env, message) => {
    expect(() => optionsFromEnv(env)).toThrow(message);
  });

  it('treats empty values as unset', () => {
    expect(optionsFromEnv({ KONAPLATE_SANDBOX_PORT: '', KONAPLATE_SANDBOX_CRYPTO_KEY_ID: '' }).port).toBe(4010);
  });
});

describe('createSandbox', () => {
  it('fails listen() on an unusable key, before serving', async () => {
    const sandbox = createSandbox({
      port: 0,
      crypto: { keyId: 'k'.repeat(32), privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', clientPublicKeyPem: 'x' },
    });
    await expect(sandbox.listen()).rejects.toThrow();
    expect(sandbox.server.listening).toBe(false);
  });
});

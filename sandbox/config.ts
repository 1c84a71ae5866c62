import { z } from 'zod';

/** Sandbox configuration from the environment; every value has a sandbox default. */

/** PEM values often arrive through env files with literal "\n" sequences. */
const pem = z
  .string()
  .transform((value) => value.replace(/\\n/g, '\n').trim())
  .refine((value) => /^-----BEGIN [A-Z ]+-----\n[\s\S]+\n-----END [A-Z ]+-----$/.test(value), 'not a PEM block');

const envSchema = z
  .object({
    KONAPLATE_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    KONAPLATE_SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
    KONAPLATE_SANDBOX_ASP_ID: z.string().length(15).default('ASPSANDBOX00001'),
    KONAPLATE_SANDBOX_ACCESS_KEY: z.string().length(40).default('sandbox-access-key-0123456789abcdef01234'),
    KONAPLATE_SANDBOX_SECRET_KEY: z.string().min(1).default('sandbox-secret-key'),
    KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    KONAPLATE_SANDBOX_CRYPTO_KEY_ID: z.string().length(32).optional(),
    KONAPLATE_SANDBOX_PRIVATE_KEY: pem.optional(),
    KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY: pem.optional(),
    KONAPLATE_SANDBOX_CONTROL: z.enum(['0', '1']).default('0'),
    KONAPLATE_SANDBOX_FIXTURE: z.string().min(1).optional(),
    KONAPLATE_SANDBOX_DELIVERY_STEP_MINUTES: z.coerce.number().int().min(1).max(43_200).default(1440),
  })
  .refine(
    (env) => {
      const set = [env.KONAPLATE_SANDBOX_CRYPTO_KEY_ID, env.KONAPLATE_SANDBOX_PRIVATE_KEY, env.KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY];
      return set.every((v) => v === undefined) || set.every((v) => v !== undefined);
    },
    {
      message:
        'set all three of KONAPLATE_SANDBOX_CRYPTO_KEY_ID, KONAPLATE_SANDBOX_PRIVATE_KEY, KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY, or none',
    },
  );

export interface CryptoOptions {
  keyId: string;
  /** The platform's RSA private key (PKCS#8 PEM): requests are encrypted to its public key. */
  privateKeyPem: string;
  /** The client's RSA public key (SPKI PEM): responses are encrypted to it. */
  clientPublicKeyPem: string;
}

export interface SandboxOptions {
  port: number;
  host: string;
  aspId: string;
  accessKey: string;
  secretKey: string;
  /** ± this many seconds between the token's time and the sandbox's clock, and X-KM-Tran-Time. */
  tokenWindowSeconds: number;
  crypto?: CryptoOptions;
  controlEnabled: boolean;
  fixturePath?: string;
  /** Sandbox minutes between two delivery steps (READY → RECEIPT → PRE_SHIPPING → SHIPPING → ARRIVAL). */
  deliveryStepMinutes: number;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  port: 4010,
  host: '127.0.0.1',
  aspId: 'ASPSANDBOX00001',
  accessKey: 'sandbox-access-key-0123456789abcdef01234',
  secretKey: 'sandbox-secret-key',
  tokenWindowSeconds: 300,
  controlEnabled: false,
  deliveryStepMinutes: 1440,
};

export function optionsFromEnv(env: Record<string, string | undefined> = process.env): SandboxOptions {
  // Empty strings count as unset, as they usually come from blank lines in env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new Error(`Invalid sandbox configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.KONAPLATE_SANDBOX_PORT,
    host: e.KONAPLATE_SANDBOX_HOST,
    aspId: e.KONAPLATE_SANDBOX_ASP_ID,
    accessKey: e.KONAPLATE_SANDBOX_ACCESS_KEY,
    secretKey: e.KONAPLATE_SANDBOX_SECRET_KEY,
    tokenWindowSeconds: e.KONAPLATE_SANDBOX_TOKEN_WINDOW_SECONDS,
    crypto:
      e.KONAPLATE_SANDBOX_CRYPTO_KEY_ID && e.KONAPLATE_SANDBOX_PRIVATE_KEY && e.KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY
        ? {
            keyId: e.KONAPLATE_SANDBOX_CRYPTO_KEY_ID,
            privateKeyPem: e.KONAPLATE_SANDBOX_PRIVATE_KEY,
            clientPublicKeyPem: e.KONAPLATE_SANDBOX_CLIENT_PUBLIC_KEY,
          }
        : undefined,
    controlEnabled: e.KONAPLATE_SANDBOX_CONTROL === '1',
    fixturePath: e.KONAPLATE_SANDBOX_FIXTURE,
    deliveryStepMinutes: e.KONAPLATE_SANDBOX_DELIVERY_STEP_MINUTES,
  };
}

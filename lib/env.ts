import 'server-only';
import { z } from 'zod';
import { parseTrustedProxies } from '@/lib/http/client-address';
import { logLevelSchema } from '@/lib/log/logger';

/**
 * Every setting of the console, read from the environment and validated once.
 *
 * Defaults exist only for the local sandbox: as soon as KONAPLATE_BASE_URL points
 * anywhere else, every credential and the auth secret must be given explicitly.
 */

export const SANDBOX_BASE_URL = 'http://127.0.0.1:4010/open-api';

const SANDBOX_DEFAULTS = {
  KONAPLATE_ASP_ID: 'ASPSANDBOX00001',
  KONAPLATE_ACCESS_KEY: 'sandbox-access-key-0123456789abcdef01234',
  KONAPLATE_SECRET_KEY: 'sandbox-secret-key',
  NEXTAUTH_SECRET: 'sandbox-only-auth-secret-never-use-against-a-real-upstream',
  AUDIT_CHAIN_KEY: 'sandbox-only-audit-chain-key-never-use-against-a-real-upstream',
  /** base64 of the 32 bytes `sandbox-only-mfa-key-0123456789!`. */
  MFA_ENCRYPTION_KEY: 'c2FuZGJveC1vbmx5LW1mYS1rZXktMDEyMzQ1Njc4OSE=',
} as const;

const pem = (kind: string) =>
  z
    .string()
    // PEM values often arrive through env files with literal "\n" escapes.
    .transform((value) => value.replace(/\\n/g, '\n').trim())
    .refine((value) => value.includes(`-----BEGIN ${kind}-----`), {
      message: `expected a PEM block starting with "-----BEGIN ${kind}-----"`,
    });

const positiveInt = (fallback: number) =>
  z.coerce.number().int('expected a whole number').positive('expected a positive number').default(fallback);

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),

    KONAPLATE_BASE_URL: z
      .url({ message: 'expected an absolute http(s) URL including the /open-api prefix' })
      .refine((url) => /^https?:\/\//.test(url), 'expected an http(s) URL')
      .transform((url) => url.replace(/\/+$/, ''))
      .default(SANDBOX_BASE_URL),
    KONAPLATE_ASP_ID: z.string().length(15, 'expected the 15-character ASP id').optional(),
    KONAPLATE_ACCESS_KEY: z.string().length(40, 'expected the 40-character access key').optional(),
    KONAPLATE_SECRET_KEY: z.string().min(1, 'expected the secret key issued with the access key').optional(),
    KONAPLATE_CRYPTO_KEY_ID: z
      .string()
      .length(32, 'expected the 32-character crypto key id')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    KONAPLATE_CLIENT_PRIVATE_KEY: pem('PRIVATE KEY').optional().or(z.literal('').transform(() => undefined)),
    KONAPLATE_PLATFORM_PUBLIC_KEY: pem('PUBLIC KEY').optional().or(z.literal('').transform(() => undefined)),
    KONAPLATE_TIME_ZONE: z.enum(['KST', 'UTC'], { message: 'expected KST or UTC' }).default('KST'),
    KONAPLATE_READ_TIMEOUT_MS: positiveInt(10_000),
    KONAPLATE_WRITE_TIMEOUT_MS: positiveInt(30_000),

    NEXTAUTH_SECRET: z.string().min(32, 'expected at least 32 characters of random secret').optional(),
    NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
    SESSION_MAX_AGE_HOURS: positiveInt(8),
    /** PCI DSS 8.2.8: at most 15 minutes idle before signing in again. */
    SESSION_IDLE_MINUTES: positiveInt(15),
    /** AES-256-GCM key of the operators' TOTP secrets (and the recovery codes' HMAC): 32 bytes, base64. */
    MFA_ENCRYPTION_KEY: z
      .string()
      .refine(
        (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
        'expected 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`',
      )
      .optional(),
    SIGN_IN_MAX_FAILURES: positiveInt(5),
    SIGN_IN_LOCKOUT_MINUTES: positiveInt(15),
    /** Sign-in attempts per email (known or not) and per client address, in one window. */
    SIGN_IN_THROTTLE_PER_EMAIL: positiveInt(10),
    SIGN_IN_THROTTLE_PER_CLIENT: positiveInt(100),
    SIGN_IN_THROTTLE_WINDOW_MINUTES: positiveInt(15),
    /** Proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges, comma-separated. */
    TRUSTED_PROXIES: optionalString.transform((text, ctx) => {
      if (text === undefined) return null;
      const proxies = parseTrustedProxies(text);
      if ('error' in proxies) {
        ctx.addIssue({ code: 'custom', message: `expected IP addresses or CIDR ranges separated by commas: ${proxies.error}` });
        return z.NEVER;
      }
      return proxies;
    }),
    LOG_LEVEL: logLevelSchema.default('info'),
    /** Keys the audit chain's HMAC: the current one writes; previous ones (comma-separated) still verify. */
    AUDIT_CHAIN_KEY: z.string().min(32, 'expected at least 32 characters of random secret').optional(),
    AUDIT_CHAIN_PREVIOUS_KEYS: optionalString.pipe(
      z
        .string()
        .refine((text) => text.split(',').every((key) => key.trim().length >= 32), 'expected keys of at least 32 characters, separated by commas')
        .optional(),
    ),

    OIDC_ISSUER: optionalString.pipe(
      z
        .url({ message: "expected the IdP's issuer URL" })
        // Tokens and the client secret cross this link: plain http only to a provider on this machine.
        .refine((url) => url.startsWith('https://') || (url.startsWith('http://') && isLoopbackUrl(url)), 'expected an https:// issuer (http only for a provider on loopback)')
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().min(1).default('Company sign-in'),
    /** What the console asks the IdP for, e.g. `openid email profile groups` for Okta's groups claim. */
    OIDC_SCOPE: z
      .string()
      .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'expected scope names separated by single spaces')
      .refine((scope) => scope.split(' ').includes('openid'), 'expected the scope to include openid')
      .default('openid email profile'),
    /** The claim (ID token, else userinfo) that lists the operator's groups or roles. */
    OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
    /** `claimValue=role` pairs, comma-separated, e.g. `cs-agents=agent,cs-leads=manager`. */
    OIDC_ROLE_MAP: optionalString.pipe(
      z
        .string()
        .regex(
          /^\s*[^=,\s]+\s*=\s*(agent|manager|qa|admin)\s*(,\s*[^=,\s]+\s*=\s*(agent|manager|qa|admin)\s*)*$/,
          'expected claimValue=role pairs separated by commas, roles among agent, manager, qa, admin',
        )
        .optional(),
    ),

    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection URL')
        .optional(),
    ),
    /** Connections of the PostgreSQL pool (per console instance); PGlite has one, in the process. */
    DATABASE_POOL_SIZE: positiveInt(10),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int('expected a whole number of days')
      .min(30, 'expected at least 30 days (the database refuses less)')
      // Five years: the usual keeping period for records of electronic financial transactions.
      .default(1825),
    /** Interface the console listens on (scripts/start.mjs passes it to `next -H`). */
    HOST: optionalString.pipe(
      z
        .union([z.ipv4(), z.ipv6(), z.hostname()], {
          message: 'expected an IP address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0',
        })
        // Loopback unless told otherwise: what reaches the console from elsewhere is a deliberate choice.
        .default('127.0.0.1'),
    ),
  })
  .superRefine((value, ctx) => {
    const cryptoKeys = [
      'KONAPLATE_CRYPTO_KEY_ID',
      'KONAPLATE_CLIENT_PRIVATE_KEY',
      'KONAPLATE_PLATFORM_PUBLIC_KEY',
    ] as const;
    const given = cryptoKeys.filter((key) => value[key] !== undefined);
    if (given.length > 0 && given.length < cryptoKeys.length) {
      for (const key of cryptoKeys.filter((k) => value[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `required when ${given.join(', ')} ${given.length > 1 ? 'are' : 'is'} set (body encryption needs all three)`,
        });
      }
    }
    const oidcKeys = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
    const oidcGiven = oidcKeys.filter((key) => value[key] !== undefined);
    if (oidcGiven.length > 0 && oidcGiven.length < oidcKeys.length) {
      for (const key of oidcKeys.filter((k) => value[k] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'required to enable OIDC sign-in (issuer, client id and secret go together)' });
      }
    }
    if (!isLoopbackUrl(value.KONAPLATE_BASE_URL)) {
      for (const key of Object.keys(SANDBOX_DEFAULTS) as (keyof typeof SANDBOX_DEFAULTS)[]) {
        if (value[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `required when KONAPLATE_BASE_URL is not the local sandbox (sandbox defaults apply only to ${SANDBOX_BASE_URL})`,
          });
        }
      }
    }
  })
  .transform((value) => ({
    ...value,
    KONAPLATE_ASP_ID: value.KONAPLATE_ASP_ID ?? SANDBOX_DEFAULTS.KONAPLATE_ASP_ID,
    KONAPLATE_ACCESS_KEY: value.KONAPLATE_ACCESS_KEY ?? SANDBOX_DEFAULTS.KONAPLATE_ACCESS_KEY,
    KONAPLATE_SECRET_KEY: value.KONAPLATE_SECRET_KEY ?? SANDBOX_DEFAULTS.KONAPLATE_SECRET_KEY,
    NEXTAUTH_SECRET: value.NEXTAUTH_SECRET ?? SANDBOX_DEFAULTS.NEXTAUTH_SECRET,
    AUDIT_CHAIN_KEY: value.AUDIT_CHAIN_KEY ?? SANDBOX_DEFAULTS.AUDIT_CHAIN_KEY,
    MFA_ENCRYPTION_KEY: value.MFA_ENCRYPTION_KEY ?? SANDBOX_DEFAULTS.MFA_ENCRYPTION_KEY,
    OIDC_ROLE_MAP: parseRoleMap(value.OIDC_ROLE_MAP),
    oidcEnabled: value.OIDC_ISSUER !== undefined,
    /** True when the upstream is a loopback server (this project's sandbox). */
    upstreamIsSandbox: isLoopbackUrl(value.KONAPLATE_BASE_URL),
    /** The console is served over https: HSTS is sent (next-auth's cookies follow the same URL). */
    publicUrlIsHttps: value.NEXTAUTH_URL?.startsWith('https:') ?? false,
  }));

export type Env = z.infer<typeof envSchema>;

function parseRoleMap(text: string | undefined): ReadonlyMap<string, 'agent' | 'manager' | 'qa' | 'admin'> {
  const map = new Map<string, 'agent' | 'manager' | 'qa' | 'admin'>();
  for (const pair of text?.split(',') ?? []) {
    const [claim, role] = pair.split('=').map((part) => part.trim());
    if (claim && (role === 'agent' || role === 'manager' || role === 'qa' || role === 'admin')) map.set(claim, role);
  }
  return map;
}

/** A server on this machine. A loopback upstream is our own sandbox: only then do the sandbox defaults apply. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated settings of this process; parsed on first use (start-up, via instrumentation). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

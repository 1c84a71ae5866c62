import 'server-only';
import { z } from 'zod';
import { APPROVAL_RULES, DEFAULT_APPROVAL_RULES } from '@/lib/domain/approvals';
import { parseTrustedProxies } from '@/lib/http/client-address';
import { logLevelSchema } from '@/lib/log/logger';
import { weekdaysSetting, windowMinutesSetting, workingHoursSetting } from '@/lib/review/settings-schema';

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
    /** The company sign-in button's label; unset, it says "Company sign-in" in the reader's language. */
    OIDC_NAME: optionalString,
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

    /* Findings over the audit trail (lib/review; PCI DSS 10.4.1, 10.4.1.1): how often, and each rule's thresholds. */
    /** Minutes between scheduled runs of the rules (every console instance tries; one runs at a time). 0: no schedule. */
    FINDINGS_INTERVAL_MINUTES: z.coerce
      .number()
      .int('expected a whole number of minutes')
      .min(0, 'expected 0 (no schedule) or minutes between runs, at most 1440')
      .max(1440, 'expected 0 (no schedule) or minutes between runs, at most 1440')
      .default(15),
    /** Range of a run with no earlier run (and of a manual run by default): the last N hours. */
    FINDINGS_DEFAULT_RANGE_HOURS: z.coerce.number().int('expected a whole number of hours').min(1, 'expected between 1 and 744 hours').max(744, 'expected between 1 and 744 hours').default(24),
    /** The hash chain is verified from its start at least this often; runs in between check the new events only. */
    FINDINGS_CHAIN_FULL_VERIFY_HOURS: positiveInt(24),
    /** member-view-spike: days of an operator's own hourly history that make their baseline. */
    FINDINGS_VIEW_BASELINE_DAYS: z.coerce.number().int('expected a whole number of days').min(1, 'expected between 1 and 90 days').max(90, 'expected between 1 and 90 days').default(14),
    /** member-view-spike: an hour is flagged above this many times the operator's 95th percentile… */
    FINDINGS_VIEW_FACTOR: z.coerce.number().min(1, 'expected a factor of at least 1, e.g. 3 or 2.5').default(3),
    /** …and above this many distinct members in any case (a new operator's first busy hour is not flagged). */
    FINDINGS_VIEW_MIN_MEMBERS: positiveInt(30),
    /** card-testing: rejected unregistered-card lookups by one operator within one window. */
    FINDINGS_LOOKUP_WINDOW_MINUTES: windowMinutesSetting(10),
    FINDINGS_LOOKUP_FAILURES: positiveInt(5),
    /** sign-in-failures: failed sign-ins naming one e-mail within one window (any lock-out there is a finding too). */
    FINDINGS_SIGN_IN_WINDOW_MINUTES: windowMinutesSetting(60),
    FINDINGS_SIGN_IN_FAILURES: positiveInt(5),
    /** off-hours-action: card-changing actions and operator changes outside these Korea-time hours and days. */
    FINDINGS_WORKING_HOURS: workingHoursSetting('08:00-20:00'),
    FINDINGS_WORKING_DAYS: weekdaysSetting('Mon-Sat'),
    /** reissue-of-new-card: a reissue of a card issued (or first seen new) within this many days. */
    FINDINGS_REISSUE_NEW_CARD_DAYS: positiveInt(30),
    /** unknown-outcomes: "outcome unknown" answers of one action within one window. */
    FINDINGS_UNKNOWN_WINDOW_MINUTES: windowMinutesSetting(60),
    FINDINGS_UNKNOWN_OUTCOMES: positiveInt(3),
    /** upstream-error-rate: share of an action's upstream calls failing (HTTP 5xx, timeouts…) within one window, with a minimum of calls. */
    FINDINGS_ERROR_RATE_WINDOW_MINUTES: windowMinutesSetting(60),
    FINDINGS_ERROR_RATE_PERCENT: z.coerce.number().gt(0, 'expected a percentage above 0, at most 100').max(100, 'expected a percentage above 0, at most 100').default(20),
    FINDINGS_ERROR_RATE_MIN_CALLS: positiveInt(20),
    /** Access review (PCI DSS 7.2.4): an active operator without a sign-in for this many days is flagged. */
    ACCESS_REVIEW_DORMANT_DAYS: positiveInt(90),
    /** The next access review is due this many months after the last sign-off (PCI DSS: at least every six). */
    ACCESS_REVIEW_INTERVAL_MONTHS: z.coerce
      .number()
      .int('expected a whole number of months')
      .min(1, 'expected between 1 and 6 months (PCI DSS 7.2.4: at least once every six months)')
      .max(6, 'expected between 1 and 6 months (PCI DSS 7.2.4: at least once every six months)')
      .default(6),

    /** Maker–checker (lib/approvals): off unless asked for; an admin may change the policy later. */
    MAKER_CHECKER: z
      .enum(['on', 'off'], { message: 'expected on or off' })
      .default('off')
      .transform((value) => value === 'on'),
    /** What waits for a checker while maker–checker is on: a comma-separated list. */
    APPROVAL_RULES: z
      .string()
      .default(DEFAULT_APPROVAL_RULES.join(','))
      .transform((text) => text.split(',').map((rule) => rule.trim()).filter(Boolean))
      .pipe(z.array(z.enum(APPROVAL_RULES, { message: `expected a comma-separated list of ${APPROVAL_RULES.join(', ')}` }))),
    /** Any approvable action on a card holding more than this many won (e.g. 1000000) needs approval too. */
    APPROVAL_BALANCE_THRESHOLD_KRW: optionalString.pipe(z.string().regex(/^\d{1,15}$/, 'expected a whole number of won, e.g. 1000000').optional()),
    /** How long a request waits for a checker before it expires. */
    APPROVAL_TTL_MINUTES: z.coerce
      .number()
      .int('expected a whole number of minutes')
      .min(1, 'expected between 1 and 1440 minutes')
      .max(1440, 'expected between 1 and 1440 minutes')
      .default(30),
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

import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseEnv', () => {
  it('runs against the local sandbox with no configuration at all', () => {
    const env = parseEnv({});
    expect(env.KONAPLATE_BASE_URL).toBe('http://127.0.0.1:4010/open-api');
    expect(env.KONAPLATE_ASP_ID).toBe('ASPSANDBOX00001');
    expect(env.KONAPLATE_ACCESS_KEY).toHaveLength(40);
    expect(env.upstreamIsSandbox).toBe(true);
    expect(env.KONAPLATE_TIME_ZONE).toBe('KST');
  });

  it('requires every credential and the auth secret for a real upstream, naming each', () => {
    const found = problems({ KONAPLATE_BASE_URL: 'https://sandbox.example.com/open-api' });
    const required = ['KONAPLATE_ASP_ID', 'KONAPLATE_ACCESS_KEY', 'KONAPLATE_SECRET_KEY', 'NEXTAUTH_SECRET', 'AUDIT_CHAIN_KEY', 'MFA_ENCRYPTION_KEY'];
    expect(found).toHaveLength(required.length);
    for (const name of required) {
      expect(found.some((p) => p.startsWith(`${name}: required when KONAPLATE_BASE_URL`))).toBe(true);
    }
  });

  it('says what a malformed value should look like', () => {
    expect(problems({ KONAPLATE_ASP_ID: 'short' })).toEqual(['KONAPLATE_ASP_ID: expected the 15-character ASP id']);
    expect(problems({ KONAPLATE_TIME_ZONE: 'PST' })).toEqual(['KONAPLATE_TIME_ZONE: expected KST or UTC']);
    expect(problems({ KONAPLATE_READ_TIMEOUT_MS: 'soon' })[0]).toMatch(/^KONAPLATE_READ_TIMEOUT_MS:/);
    expect(problems({ DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL: expected a postgres:// connection URL']);
  });

  it('reads trusted proxies, the log level and previous audit-chain keys, naming what is wrong', () => {
    expect(parseEnv({ TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' }).TRUSTED_PROXIES?.check('10.1.2.3')).toBe(true);
    expect(parseEnv({}).TRUSTED_PROXIES).toBeNull();
    expect(problems({ TRUSTED_PROXIES: 'proxy.internal' })[0]).toMatch(/^TRUSTED_PROXIES: expected IP addresses or CIDR ranges/);
    expect(problems({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL:/);
    expect(problems({ AUDIT_CHAIN_PREVIOUS_KEYS: 'short' })[0]).toMatch(/^AUDIT_CHAIN_PREVIOUS_KEYS: expected keys of at least 32/);
  });

  it('wants all three crypto settings or none', () => {
    const found = problems({ KONAPLATE_CRYPTO_KEY_ID: 'k'.repeat(32) });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^KONAPLATE_CLIENT_PRIVATE_KEY: required when KONAPLATE_CRYPTO_KEY_ID is set/);
  });

  it('accepts PEM keys with escaped newlines', () => {
    const env = parseEnv({
      KONAPLATE_CRYPTO_KEY_ID: 'k'.repeat(32),
      KONAPLATE_CLIENT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
      KONAPLATE_PLATFORM_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----',
    });
    expect(env.KONAPLATE_CLIENT_PRIVATE_KEY).toBe('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----');
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(parseEnv({}).HOST).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '' }).HOST).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(parseEnv({ HOST: '::' }).HOST).toBe('::');
    expect(parseEnv({ HOST: 'console.internal' }).HOST).toBe('console.internal');
    expect(problems({ HOST: 'http://0.0.0.0:3000' })).toEqual([
      'HOST: expected an IP address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0',
    ]);
  });

  it('knows when the public URL is https (HSTS)', () => {
    expect(parseEnv({}).publicUrlIsHttps).toBe(false);
    expect(parseEnv({ NEXTAUTH_URL: 'http://localhost:3000' }).publicUrlIsHttps).toBe(false);
    expect(parseEnv({ NEXTAUTH_URL: 'https://console.example.com' }).publicUrlIsHttps).toBe(true);
  });

  it('drops a trailing slash from the base URL', () => {
    expect(parseEnv({ KONAPLATE_BASE_URL: 'http://127.0.0.1:4999/open-api/' }).KONAPLATE_BASE_URL).toBe(
      'http://127.0.0.1:4999/open-api',
    );
  });

  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 10 by default', () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
    expect(problems({ DATABASE_POOL_SIZE: '0' })).toEqual(['DATABASE_POOL_SIZE: expected a positive number']);
  });

  describe('findings and access review (lib/review)', () => {
    it('has defaults for every rule, the schedule and the access review', () => {
      const env = parseEnv({});
      expect(env).toMatchObject({
        FINDINGS_INTERVAL_MINUTES: 15,
        FINDINGS_DEFAULT_RANGE_HOURS: 24,
        FINDINGS_CHAIN_FULL_VERIFY_HOURS: 24,
        FINDINGS_VIEW_BASELINE_DAYS: 14,
        FINDINGS_VIEW_FACTOR: 3,
        FINDINGS_VIEW_MIN_MEMBERS: 30,
        FINDINGS_LOOKUP_WINDOW_MINUTES: 10,
        FINDINGS_LOOKUP_FAILURES: 5,
        FINDINGS_SIGN_IN_WINDOW_MINUTES: 60,
        FINDINGS_SIGN_IN_FAILURES: 5,
        FINDINGS_WORKING_HOURS: { startMinute: 480, endMinute: 1200, text: '08:00-20:00' },
        FINDINGS_WORKING_DAYS: [1, 2, 3, 4, 5, 6],
        FINDINGS_REISSUE_NEW_CARD_DAYS: 30,
        FINDINGS_UNKNOWN_WINDOW_MINUTES: 60,
        FINDINGS_UNKNOWN_OUTCOMES: 3,
        FINDINGS_ERROR_RATE_WINDOW_MINUTES: 60,
        FINDINGS_ERROR_RATE_PERCENT: 20,
        FINDINGS_ERROR_RATE_MIN_CALLS: 20,
        ACCESS_REVIEW_DORMANT_DAYS: 90,
        ACCESS_REVIEW_INTERVAL_MONTHS: 6,
      });
    });

    it('reads the settings given, and says what a wrong one should look like', () => {
      const env = parseEnv({ FINDINGS_INTERVAL_MINUTES: '0', FINDINGS_VIEW_FACTOR: '2.5', FINDINGS_WORKING_HOURS: '09:30-18:00', FINDINGS_WORKING_DAYS: 'mon-fri', FINDINGS_ERROR_RATE_PERCENT: '12.5' });
      expect(env).toMatchObject({
        FINDINGS_INTERVAL_MINUTES: 0,
        FINDINGS_VIEW_FACTOR: 2.5,
        FINDINGS_WORKING_HOURS: { startMinute: 570, endMinute: 1080 },
        FINDINGS_WORKING_DAYS: [1, 2, 3, 4, 5],
        FINDINGS_ERROR_RATE_PERCENT: 12.5,
      });
      expect(problems({ FINDINGS_WORKING_HOURS: '20:00-08:00' })).toEqual([
        'FINDINGS_WORKING_HOURS: expected a Korea-time range HH:MM-HH:MM with the start before the end, e.g. 08:00-20:00',
      ]);
      expect(problems({ FINDINGS_WORKING_DAYS: 'weekdays' })[0]).toMatch(/^FINDINGS_WORKING_DAYS: expected weekdays such as Mon-Sat/);
      expect(problems({ FINDINGS_LOOKUP_WINDOW_MINUTES: '2000' })).toEqual(['FINDINGS_LOOKUP_WINDOW_MINUTES: expected between 1 and 1440 minutes']);
      expect(problems({ FINDINGS_VIEW_FACTOR: '0.5' })).toEqual(['FINDINGS_VIEW_FACTOR: expected a factor of at least 1, e.g. 3 or 2.5']);
      expect(problems({ FINDINGS_ERROR_RATE_PERCENT: '0' })).toEqual(['FINDINGS_ERROR_RATE_PERCENT: expected a percentage above 0, at most 100']);
      expect(problems({ FINDINGS_INTERVAL_MINUTES: '-5' })[0]).toMatch(/^FINDINGS_INTERVAL_MINUTES: expected 0 \(no schedule\)/);
      expect(problems({ FINDINGS_SIGN_IN_FAILURES: '0' })).toEqual(['FINDINGS_SIGN_IN_FAILURES: expected a positive number']);
      expect(problems({ ACCESS_REVIEW_INTERVAL_MONTHS: '12' })).toEqual([
        'ACCESS_REVIEW_INTERVAL_MONTHS: expected between 1 and 6 months (PCI DSS 7.2.4: at least once every six months)',
      ]);
    });
  });

  describe('maker–checker (lib/approvals)', () => {
    it('is off by default, holding reissuance and debit issuance for 30 minutes once on', () => {
      expect(parseEnv({})).toMatchObject({
        MAKER_CHECKER: false,
        APPROVAL_RULES: ['reissue-prepaid', 'issue-debit'],
        APPROVAL_TTL_MINUTES: 30,
      });
      expect(parseEnv({}).APPROVAL_BALANCE_THRESHOLD_KRW).toBeUndefined();
      expect(parseEnv({ MAKER_CHECKER: 'on', APPROVAL_RULES: 'suspend-stolen, reissue-prepaid', APPROVAL_BALANCE_THRESHOLD_KRW: '1000000' })).toMatchObject({
        MAKER_CHECKER: true,
        APPROVAL_RULES: ['suspend-stolen', 'reissue-prepaid'],
        APPROVAL_BALANCE_THRESHOLD_KRW: '1000000',
      });
    });

    it('says what a wrong setting should look like', () => {
      expect(problems({ MAKER_CHECKER: 'yes' })).toEqual(['MAKER_CHECKER: expected on or off']);
      expect(problems({ APPROVAL_RULES: 'reissue-prepaid,refund' })[0]).toMatch(/^APPROVAL_RULES\.1: expected a comma-separated list of reissue-prepaid, issue-debit/);
      expect(problems({ APPROVAL_BALANCE_THRESHOLD_KRW: '1,000' })).toEqual(['APPROVAL_BALANCE_THRESHOLD_KRW: expected a whole number of won, e.g. 1000000']);
      expect(problems({ APPROVAL_TTL_MINUTES: '0' })).toEqual(['APPROVAL_TTL_MINUTES: expected between 1 and 1440 minutes']);
    });
  });

  describe('company sign-in', () => {
    const oidc = { OIDC_CLIENT_ID: 'console', OIDC_CLIENT_SECRET: 'secret' };

    it('takes an https issuer, and http only on loopback', () => {
      expect(parseEnv({ ...oidc, OIDC_ISSUER: 'https://login.example.com/tenant/v2.0/' }).OIDC_ISSUER).toBe('https://login.example.com/tenant/v2.0');
      expect(parseEnv({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4210' }).OIDC_ISSUER).toBe('http://127.0.0.1:4210');
      expect(parseEnv({ ...oidc, OIDC_ISSUER: 'http://localhost:4210' }).oidcEnabled).toBe(true);
      expect(problems({ ...oidc, OIDC_ISSUER: 'http://idp.example.com' })).toEqual([
        'OIDC_ISSUER: expected an https:// issuer (http only for a provider on loopback)',
      ]);
      expect(problems({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1.example.com' })).toHaveLength(1);
    });

    it('asks for openid email profile unless OIDC_SCOPE says more, and refuses a scope without openid', () => {
      expect(parseEnv({}).OIDC_SCOPE).toBe('openid email profile');
      expect(parseEnv({ OIDC_SCOPE: 'openid email profile groups' }).OIDC_SCOPE).toBe('openid email profile groups');
      expect(problems({ OIDC_SCOPE: 'email profile' })).toEqual(['OIDC_SCOPE: expected the scope to include openid']);
      expect(problems({ OIDC_SCOPE: 'openid  email' })).toEqual(['OIDC_SCOPE: expected scope names separated by single spaces']);
    });
  });
});

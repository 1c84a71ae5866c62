/**
 * A real OpenID Provider (the `oidc-provider` package) on loopback for the e2e run, started by
 * playwright.config.ts: its development login form takes an account's subject (any password),
 * then asks for consent. RP-initiated logout is on, as with Entra ID and Okta.
 */
import Provider from 'oidc-provider';
import { COMPANY_ACCOUNTS, IDENTITY_PROVIDER, type CompanyAccount } from '../fixtures/company-accounts';

// Set by playwright.config.ts.
const consoleUrl = process.env.CONSOLE_URL!;
const accounts = new Map<string, CompanyAccount>(Object.values(COMPANY_ACCOUNTS).map((account) => [account.subject, account]));

const provider = new Provider(IDENTITY_PROVIDER.issuer, {
  clients: [
    {
      client_id: IDENTITY_PROVIDER.clientId,
      client_secret: IDENTITY_PROVIDER.clientSecret,
      redirect_uris: [`${consoleUrl}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${consoleUrl}/sign-in`],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
  // Scope claims go into the ID token too, unless an account keeps them for userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['e2e-only-cookie-key'] },
  async findAccount(_ctx, subject) {
    const account = accounts.get(subject);
    if (!account) return undefined;
    return {
      accountId: subject,
      async claims(use) {
        if (use === 'id_token' && account.userinfoOnly) return { sub: subject };
        return {
          sub: subject,
          ...(account.email ? { email: account.email, email_verified: account.emailVerified ?? false } : {}),
          ...(account.name ? { name: account.name } : {}),
          ...(account.roles ? { roles: account.roles } : {}),
        };
      },
    };
  },
});

// The provider's built-in pages load a web font from Google: the tests reach nothing beyond loopback.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string') ctx.body = ctx.body.replace(/@import url\(https?:[^)]*\);?/g, '');
});

provider.listen(IDENTITY_PROVIDER.port, '127.0.0.1', () => {
  process.stdout.write(`identity provider on ${IDENTITY_PROVIDER.issuer}\n`);
});

import 'server-only';
import type { User } from 'next-auth';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { recordAudit } from '@/lib/audit/record';
import { isRole, type Role } from '@/lib/domain/permissions';
import { env } from '@/lib/env';
import { errorFields, logger } from '@/lib/log/logger';
import {
  createOperator,
  findOperatorByCompanyIdentity,
  findOperatorByEmail,
  updateOperator,
  type CompanyIdentityKey,
} from './operators';
import { settleSuccessfulSignIn } from './sign-in-attempts';

/**
 * Sign-in through the company's OpenID Provider. An IdP user is an operator by the identity the
 * provider vouches for, issuer + `sub`, stored on the operator; the e-mail only ever proposes a
 * new operator, and only when the provider says it is verified and no operator has it yet.
 */

/** What the console takes from the provider about a user, ID token first, then userinfo. */
export interface CompanyIdentity extends CompanyIdentityKey {
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  roles: Role[];
}

/** Roles from the IdP's claim through the configured mapping (claim values → console roles). */
export function rolesFromClaim(claim: unknown, roleMap: ReadonlyMap<string, Role>): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const value of values) {
    const mapped = typeof value === 'string' ? roleMap.get(value) : undefined;
    if (mapped) roles.add(mapped);
  }
  return [...roles];
}

type Claims = Record<string, unknown>;

/**
 * The claims the console reads, from the ID token where it has them and from userinfo where it
 * does not: many providers put e-mail and groups in userinfo only (oidc-provider by default,
 * Entra ID for optional claims). E-mail and its verification travel as a pair, from one source.
 */
export function mergeClaims(idToken: Claims, userinfo: Claims | undefined, rolesClaim: string): Claims {
  if (!userinfo) return idToken;
  const emailSource = idToken.email !== undefined ? idToken : userinfo;
  return {
    ...idToken,
    email: emailSource.email,
    email_verified: emailSource.email_verified,
    name: idToken.name ?? userinfo.name,
    [rolesClaim]: idToken[rolesClaim] ?? userinfo[rolesClaim],
  };
}

export function companyIdentityFromClaims(claims: Claims, rolesClaim: string, roleMap: ReadonlyMap<string, Role>): CompanyIdentity {
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    email: typeof claims.email === 'string' && claims.email !== '' ? claims.email.trim().toLowerCase() : null,
    // A string "true" is not a verification: only the JSON boolean counts.
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : null,
    roles: rolesFromClaim(claims[rolesClaim], roleMap),
  };
}

/** The next-auth provider for the configured IdP, or undefined when company sign-in is off. */
export function companyProvider(): OAuthConfig<Claims> | undefined {
  const e = env();
  if (!e.oidcEnabled) return undefined;
  return {
    id: 'oidc',
    // next-auth's own name for it (its pages are not used: the sign-in page labels the button).
    name: e.OIDC_NAME ?? 'Company sign-in',
    type: 'oauth',
    wellKnown: `${e.OIDC_ISSUER}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: e.OIDC_SCOPE } },
    idToken: true,
    checks: ['pkce', 'state'],
    userinfo: {
      async request({ tokens, client }) {
        // With `idToken: true` next-auth hands over openid-client's TokenSet, its ID token verified.
        const tokenSet = tokens as Parameters<typeof client.userinfo>[0] & { claims(): Claims };
        const claims = tokenSet.claims() as Claims;
        if (claims.email !== undefined && claims[e.OIDC_ROLES_CLAIM] !== undefined) return claims;
        if (!client.issuer.metadata.userinfo_endpoint) return claims;
        // openid-client refuses a userinfo answer whose `sub` is not the ID token's.
        return mergeClaims(claims, (await client.userinfo(tokenSet)) as Claims, e.OIDC_ROLES_CLAIM);
      },
    },
    profile(claims) {
      const identity = companyIdentityFromClaims(claims, e.OIDC_ROLES_CLAIM, e.OIDC_ROLE_MAP);
      return { id: identity.subject, email: identity.email, name: identity.name, companyIdentity: identity };
    },
  };
}

/** Why an IdP user is refused: the sign-in page's error code, and the audit trail's words. */
export const COMPANY_SIGN_IN_REFUSALS = {
  NoEmail: 'no e-mail claim, and the identity is not linked to an operator',
  Unverified: 'e-mail not verified by the IdP, and the identity is not linked to an operator',
  NotLinked: 'an operator has this e-mail, and the identity is not linked to it',
  Inactive: 'deactivated',
  NoRole: 'no mapped role',
} as const;

export type CompanySignInRefusal = keyof typeof COMPANY_SIGN_IN_REFUSALS;

export type CompanySignInDecision =
  | { kind: 'linked'; operatorId: string }
  | { kind: 'new-operator'; email: string }
  | { kind: 'refused'; reason: CompanySignInRefusal };

/**
 * Who an IdP user signs in as. `linked`: the operator bound to this issuer + subject. Otherwise a
 * new operator, when the e-mail is verified and no operator has it: an existing operator (with a
 * password or not) is never taken over by e-mail; an admin links the identity to it instead.
 */
export function companySignInDecision(
  identity: CompanyIdentity,
  linked: { id: string; active: boolean } | undefined,
  sameEmail: { id: string } | undefined,
): CompanySignInDecision {
  if (linked) {
    if (!linked.active) return { kind: 'refused', reason: 'Inactive' };
    if (identity.roles.length === 0) return { kind: 'refused', reason: 'NoRole' };
    return { kind: 'linked', operatorId: linked.id };
  }
  if (!identity.email) return { kind: 'refused', reason: 'NoEmail' };
  if (!identity.emailVerified) return { kind: 'refused', reason: 'Unverified' };
  if (sameEmail) return { kind: 'refused', reason: 'NotLinked' };
  if (identity.roles.length === 0) return { kind: 'refused', reason: 'NoRole' };
  return { kind: 'new-operator', email: identity.email };
}

/**
 * next-auth's signIn callback for the IdP: true to admit, else the sign-in page with the reason.
 * The IdP is the source of truth for a company operator's roles and name: applied at each sign-in.
 */
export async function admitCompanyUser(user: User): Promise<true | string> {
  const identity = user.companyIdentity;
  if (!identity) return '/sign-in?error=OAuthCallback';
  const roles = identity.roles.filter(isRole);
  const linked = await findOperatorByCompanyIdentity(identity);
  const sameEmail = !linked && identity.email ? await findOperatorByEmail(identity.email) : undefined;
  const decision = companySignInDecision({ ...identity, roles }, linked, sameEmail);

  if (decision.kind === 'refused') {
    // The claims never reach an operator row: only the attempt is recorded, with what an admin
    // needs to link the identity (issuer and subject are identifiers, not secrets).
    await recordAudit({
      actor: { id: linked?.id ?? null, email: linked?.email ?? identity.email, roles: linked?.roles ?? [] },
      action: 'sign-in-failure',
      outcome: 'rejected',
      request: {
        reason: COMPANY_SIGN_IN_REFUSALS[decision.reason],
        provider: 'oidc',
        issuer: identity.issuer,
        subject: identity.subject,
        claimedEmail: identity.email,
        claimedName: identity.name,
      },
    });
    return `/sign-in?error=${decision.reason}`;
  }

  const operatorId =
    decision.kind === 'linked'
      ? (await updateOperator(decision.operatorId, { roles, name: identity.name ?? linked!.name }))!.id
      : (
          await createOperator({
            email: decision.email,
            name: identity.name ?? decision.email,
            roles,
            passwordHash: null,
            companyIdentity: identity,
          })
        ).id;
  await settleSuccessfulSignIn(operatorId);
  return true;
}

// next-auth logs one failed callback twice (its handler, then its route), with the same error.
const auditedErrors = new WeakSet<object>();

/**
 * next-auth's logger: its failures to deal with the IdP (discovery, the callback, token and
 * userinfo calls) are audited too. The user cancelling or the IdP refusing (`access_denied`) is
 * a rejection; anything else an upstream error.
 */
export function companySignInErrorAudit(code: string, metadata: unknown): void {
  if (!/OAUTH/.test(code)) return;
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  if (error instanceof Error) {
    if (auditedErrors.has(error)) return;
    auditedErrors.add(error);
  }
  const message = error instanceof Error ? error.message : undefined;
  const refused = message === 'access_denied';
  recordAudit({
    actor: { id: null, email: null, roles: [] },
    action: 'sign-in-failure',
    outcome: refused ? 'rejected' : 'upstream_error',
    request: {
      reason: refused ? 'cancelled or refused at the identity provider' : 'identity provider call failed',
      provider: 'oidc',
      code,
      ...(message ? { error: message.slice(0, 300) } : {}),
    },
  }).catch((auditError: unknown) => logger().error({ error: errorFields(auditError), code }, 'could not audit a failed identity-provider call'));
}

/* ------------------------------------------------------------------------------------------ */
/* RP-initiated logout                                                                         */
/* ------------------------------------------------------------------------------------------ */

const DISCOVERY_TTL_MS = 10 * 60_000;
let discovery: { at: number; endSession: string | null } | undefined;

async function endSessionEndpoint(issuer: string): Promise<string | null> {
  if (discovery && Date.now() - discovery.at < DISCOVERY_TTL_MS) return discovery.endSession;
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
  const document = (await response.json()) as { end_session_endpoint?: unknown };
  const endSession = typeof document.end_session_endpoint === 'string' ? document.end_session_endpoint : null;
  discovery = { at: Date.now(), endSession };
  return endSession;
}

/**
 * Where to send the browser so the IdP ends its session too (OpenID Connect RP-Initiated Logout):
 * without it the next "Company sign-in" would sign the same person in without a password.
 * Null when the provider has no end_session_endpoint or cannot be reached (then only the
 * console's session ends, and the log says so). `state` comes back to the sign-in page.
 */
export async function providerLogoutUrl(idToken: string, state: string): Promise<string | null> {
  const e = env();
  if (!e.oidcEnabled) return null;
  try {
    const endpoint = await endSessionEndpoint(e.OIDC_ISSUER!);
    if (!endpoint) return null;
    const url = new URL(endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', e.OIDC_CLIENT_ID!);
    url.searchParams.set('post_logout_redirect_uri', new URL('/sign-in', e.NEXTAUTH_URL ?? 'http://localhost:3000').toString());
    url.searchParams.set('state', state);
    return url.toString();
  } catch (error) {
    logger().warn({ error: errorFields(error) }, 'the identity provider’s logout endpoint is unknown: only the console session ends');
    return null;
  }
}

import { describe, expect, it } from 'vitest';
import { companyIdentityFromClaims, companySignInDecision, mergeClaims, rolesFromClaim, type CompanyIdentity } from './company-sign-in';

const map = new Map([
  ['cs-agents', 'agent'],
  ['cs-leads', 'manager'],
  ['platform-admins', 'admin'],
] as const);

describe('IdP claim → roles', () => {
  it('maps an array claim through the configured map, ignoring unknown groups', () => {
    expect(rolesFromClaim(['cs-agents', 'finance', 'cs-leads'], map)).toEqual(['agent', 'manager']);
  });

  it('accepts a space- or comma-separated string claim', () => {
    expect(rolesFromClaim('cs-agents platform-admins', map)).toEqual(['agent', 'admin']);
    expect(rolesFromClaim('cs-leads,cs-leads', map)).toEqual(['manager']);
  });

  it('gives no role for a missing or odd claim', () => {
    expect(rolesFromClaim(undefined, map)).toEqual([]);
    expect(rolesFromClaim(42, map)).toEqual([]);
    expect(rolesFromClaim([{ group: 'cs-agents' }], map)).toEqual([]);
  });
});

describe('claims from the ID token, else userinfo', () => {
  const idToken = { iss: 'https://idp.example', sub: 'u-1' };

  it('keeps the ID token’s claims and fills only what it lacks from userinfo', () => {
    const merged = mergeClaims(
      { ...idToken, name: 'From ID token' },
      { sub: 'u-1', name: 'From userinfo', email: 'a@corp.example', email_verified: true, roles: ['cs-agents'] },
      'roles',
    );
    expect(merged).toMatchObject({ name: 'From ID token', email: 'a@corp.example', email_verified: true, roles: ['cs-agents'] });
  });

  it('takes the e-mail and its verification from one source, never mixing them', () => {
    const merged = mergeClaims({ ...idToken, email: 'a@corp.example' }, { sub: 'u-1', email: 'b@corp.example', email_verified: true }, 'roles');
    expect(merged.email).toBe('a@corp.example');
    expect(merged.email_verified).toBeUndefined();
  });

  it('reads the identity: issuer and subject, a lowercased e-mail, verification only as a boolean', () => {
    const identity = companyIdentityFromClaims({ ...idToken, email: 'Ada@Corp.Example', email_verified: 'true', roles: ['cs-agents'] }, 'roles', map);
    expect(identity).toEqual({ issuer: 'https://idp.example', subject: 'u-1', email: 'ada@corp.example', emailVerified: false, name: null, roles: ['agent'] });
  });
});

describe('who an IdP user signs in as', () => {
  const identity: CompanyIdentity = {
    issuer: 'https://idp.example',
    subject: 'u-1',
    email: 'admin@konaplate.test',
    emailVerified: true,
    name: 'Intruder',
    roles: ['agent'],
  };
  const linked = { id: 'op-1', active: true };

  it('signs a linked identity in as its operator, with or without an e-mail', () => {
    expect(companySignInDecision(identity, linked, undefined)).toEqual({ kind: 'linked', operatorId: 'op-1' });
    expect(companySignInDecision({ ...identity, email: null, emailVerified: false }, linked, undefined)).toEqual({
      kind: 'linked',
      operatorId: 'op-1',
    });
  });

  it('creates an operator for a new identity only with a verified e-mail no operator has', () => {
    expect(companySignInDecision(identity, undefined, undefined)).toEqual({ kind: 'new-operator', email: 'admin@konaplate.test' });
  });

  it('never takes an existing operator over by e-mail, verified or not', () => {
    expect(companySignInDecision(identity, undefined, { id: 'admin' })).toEqual({ kind: 'refused', reason: 'NotLinked' });
    expect(companySignInDecision({ ...identity, emailVerified: false }, undefined, { id: 'admin' })).toEqual({ kind: 'refused', reason: 'Unverified' });
  });

  it('says what is missing: an e-mail, a verified e-mail, an active operator, a role', () => {
    expect(companySignInDecision({ ...identity, email: null }, undefined, undefined)).toEqual({ kind: 'refused', reason: 'NoEmail' });
    expect(companySignInDecision({ ...identity, emailVerified: false }, undefined, undefined)).toEqual({ kind: 'refused', reason: 'Unverified' });
    expect(companySignInDecision(identity, { id: 'op-1', active: false }, undefined)).toEqual({ kind: 'refused', reason: 'Inactive' });
    expect(companySignInDecision({ ...identity, roles: [] }, linked, undefined)).toEqual({ kind: 'refused', reason: 'NoRole' });
    expect(companySignInDecision({ ...identity, roles: [] }, undefined, undefined)).toEqual({ kind: 'refused', reason: 'NoRole' });
  });
});

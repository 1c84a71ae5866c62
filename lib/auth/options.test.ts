import { describe, expect, it } from 'vitest';
import { oidcRefusal, rolesFromClaim } from './options';

const map = new Map([
  ['cs-agents', 'agent'],
  ['cs-leads', 'manager'],
  ['platform-admins', 'admin'],
] as const);

describe('OIDC claim → roles', () => {
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

describe('OIDC admission', () => {
  const verified = { email: 'admin@konaplate.test', idpEmailVerified: true, roles: ['agent'] as const };
  const oidcOperator = { active: true, passwordHash: null };
  const passwordOperator = { active: true, passwordHash: 'scrypt$…' };

  it('admits a verified e-mail with a mapped role, new or already an OIDC operator', () => {
    expect(oidcRefusal(verified, undefined)).toBeNull();
    expect(oidcRefusal(verified, oidcOperator)).toBeNull();
  });

  it('never takes an unverified e-mail as identity', () => {
    expect(oidcRefusal({ ...verified, idpEmailVerified: false }, oidcOperator)).toBe('Unverified');
    expect(oidcRefusal({ ...verified, idpEmailVerified: undefined }, undefined)).toBe('Unverified');
  });

  it('never signs an IdP user in as a password operator, even with a verified e-mail', () => {
    expect(oidcRefusal(verified, passwordOperator)).toBe('NotLinked');
  });

  it('says what is missing: an e-mail, an active operator, a role', () => {
    expect(oidcRefusal({ ...verified, email: null }, undefined)).toBe('NoEmail');
    expect(oidcRefusal(verified, { active: false, passwordHash: null })).toBe('Inactive');
    expect(oidcRefusal({ ...verified, roles: [] }, undefined)).toBe('NoRole');
  });
});

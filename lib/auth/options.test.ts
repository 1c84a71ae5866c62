import { describe, expect, it } from 'vitest';
import { rolesFromClaim } from './options';

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

import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from './permissions';

// The table of the sign-in issue, row by row, both ways.
const TABLE: Record<Permission, Record<Role, boolean>> = {
  'cards.view': { agent: true, manager: true, qa: true, admin: true },
  'cards.lookupUnregistered': { agent: true, manager: true, qa: true, admin: true },
  'cards.issue': { agent: true, manager: false, qa: true, admin: false },
  'cards.reissue': { agent: true, manager: false, qa: true, admin: false },
  'cards.changeStatus': { agent: true, manager: false, qa: true, admin: false },
  'cards.cancelApplication': { agent: true, manager: false, qa: true, admin: false },
  'members.reveal': { agent: true, manager: true, qa: false, admin: false },
  'members.notes': { agent: true, manager: true, qa: true, admin: false },
  'audit.read': { agent: false, manager: true, qa: true, admin: true },
  'audit.export': { agent: false, manager: true, qa: false, admin: true },
  'review.read': { agent: false, manager: true, qa: false, admin: true },
  'review.manage': { agent: false, manager: true, qa: false, admin: true },
  'requests.approve': { agent: false, manager: true, qa: false, admin: false },
  'sandbox.control': { agent: false, manager: false, qa: true, admin: true },
  'operators.manage': { agent: false, manager: false, qa: false, admin: true },
};

describe('permission table', () => {
  it.each(PERMISSIONS.flatMap((p) => ROLES.map((r) => [p, r] as const)))('%s for %s', (permission, role) => {
    expect(can([role], permission)).toBe(TABLE[permission][role]);
  });

  it('gives the union of permissions to an operator with several roles', () => {
    expect(can(['manager', 'agent'], 'cards.issue')).toBe(true);
    expect(can(['manager', 'agent'], 'audit.export')).toBe(true);
    expect(permissionsOf(['agent', 'manager']).size).toBe(13);
  });

  it('gives nothing to an operator with no role', () => {
    expect(can([], 'cards.view')).toBe(false);
  });

  it('lists no permission that does not exist', () => {
    for (const granted of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
    }
  });
});

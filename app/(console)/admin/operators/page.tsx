import type { Metadata } from 'next';
import Typography from '@mui/material/Typography';
import { OperatorsAdmin } from '@/components/admin/operators-admin';
import { requirePagePermission } from '@/lib/auth/access';
import { listOperators } from '@/lib/auth/operators';
import { recentRefusedCompanyIdentities } from '@/lib/audit/refused-company-identities';
import { env } from '@/lib/env';
import {
  createOperatorAction,
  linkCompanyIdentityAction,
  resetOperatorMfaAction,
  setOperatorActiveAction,
  setOperatorRolesAction,
  unlinkCompanyIdentityAction,
} from './actions';

export const metadata: Metadata = { title: 'Operators' };

export default async function OperatorsPage() {
  const admin = await requirePagePermission('operators.manage', '/admin/operators');
  const operators = await listOperators();
  const issuer = env().OIDC_ISSUER;
  const refused = issuer ? await recentRefusedCompanyIdentities(issuer) : [];
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Operators
      </Typography>
      <OperatorsAdmin
        selfId={admin.id}
        operators={operators.map((o) => ({
          id: o.id,
          email: o.email,
          name: o.name,
          roles: o.roles,
          active: o.active,
          lastSignInAt: o.lastSignInAt?.toISOString() ?? null,
          locked: !!o.lockedUntil && o.lockedUntil > new Date(),
          mfa: !o.hasPassword ? 'idp' : o.totpEnrolledAt ? 'enrolled' : 'not-enrolled',
          companySubject: o.oidcSubject,
        }))}
        createOperator={createOperatorAction}
        setRoles={setOperatorRolesAction}
        setActive={setOperatorActiveAction}
        resetMfa={resetOperatorMfaAction}
        companySignIn={
          issuer
            ? {
                issuer,
                refused: refused.map((identity) => ({ ...identity, at: identity.at.toISOString() })),
                link: linkCompanyIdentityAction,
                unlink: unlinkCompanyIdentityAction,
              }
            : undefined
        }
      />
    </>
  );
}

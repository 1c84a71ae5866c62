import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Typography from '@mui/material/Typography';
import { OperatorsAdmin } from '@/components/admin/operators-admin';
import { requirePagePermission } from '@/lib/auth/access';
import { COMPANY_SIGN_IN_REFUSALS, type CompanySignInRefusal } from '@/lib/auth/company-sign-in';
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
import { MuiTheme } from '@/lib/theme/mui-theme';
import { ClientMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

/** The refusal an audit event's reason names (the trail keeps the words of lib/auth/company-sign-in.ts). */
const REFUSAL_OF_REASON = new Map(
  Object.entries(COMPANY_SIGN_IN_REFUSALS).map(([refusal, reason]) => [reason as string, refusal as CompanySignInRefusal]),
);

export default async function OperatorsPage() {
  const admin = await requirePagePermission('operators.manage', '/admin/operators');
  const t = await getTranslations('admin');
  const operators = await listOperators();
  const issuer = env().OIDC_ISSUER;
  const refused = issuer ? await recentRefusedCompanyIdentities(issuer) : [];
  const reasonInWords = (reason: string) => {
    const refusal = REFUSAL_OF_REASON.get(reason);
    return refusal ? t(`companyIdentity.refusals.${refusal}`) : reason;
  };
  return (
    <ClientMessages page="(console)/admin/operators">
      <MuiTheme>
        <>
          <Typography variant="h5" component="h1" gutterBottom>
            {t('heading')}
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
                    refused: refused.map((identity) => ({ ...identity, reason: reasonInWords(identity.reason), at: identity.at.toISOString() })),
                    link: linkCompanyIdentityAction,
                    unlink: unlinkCompanyIdentityAction,
                  }
                : undefined
            }
          />
        </>
      </MuiTheme>
    </ClientMessages>
  );
}

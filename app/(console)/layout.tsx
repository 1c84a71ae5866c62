import type { ReactNode } from 'react';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/primitives/alert';
import { ConsoleShell } from '@/components/shell/console-shell';
import { ENROLMENT_PATH, getSessionState } from '@/lib/auth/access';
import { can } from '@/lib/domain/permissions';
import { env } from '@/lib/env';
import { describeFaults } from '@/lib/qa/faults';
import { activeSandboxFaults } from '@/lib/qa/sandbox-control';
import styles from '@/components/shell/console-shell.module.css';
import { chooseLocaleAction, findCardByParAction, signOutAction, staySignedIn } from './actions';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const state = await getSessionState();
  // The proxy lets a genuine cookie through; an expired, idle or revoked session ends here, and
  // one still enrolling in MFA goes back to that step.
  if (state.kind === 'enrolling') redirect(ENROLMENT_PATH);
  if (state.kind === 'anonymous') redirect('/sign-in');
  const { operator } = state;
  const faults = env().upstreamIsSandbox ? await activeSandboxFaults() : {};
  const t = await getTranslations('qa');
  const tFaults = await getTranslations('qa.faults');
  return (
    <ConsoleShell
      banner={
        Object.keys(faults).length > 0 && (
          <Alert severity="warning" className={styles.banner} data-testid="fault-banner">
            {t('banner.text', { faults: describeFaults(faults, tFaults) })}
            {can(operator.roles, 'sandbox.control') && <> <Link href="/qa">{t('banner.link')}</Link></>}
          </Alert>
        )
      }
      operator={{ name: operator.name, email: operator.email, roles: operator.roles }}
      upstreamIsSandbox={env().upstreamIsSandbox}
      signOut={signOutAction}
      chooseLocale={chooseLocaleAction}
      staySignedIn={staySignedIn}
      findCardByPar={findCardByParAction}
    >
      {children}
    </ConsoleShell>
  );
}

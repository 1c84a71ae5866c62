import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { ConsoleShell } from '@/components/shell/console-shell';
import { getCurrentOperator } from '@/lib/auth/access';
import { env } from '@/lib/env';
import { signOutEverywhere } from './actions';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const operator = await getCurrentOperator();
  // The proxy lets a genuine cookie through; an expired, idle or revoked session ends here.
  if (!operator) redirect('/sign-in');
  return (
    <ConsoleShell
      operator={{ name: operator.name, email: operator.email, roles: operator.roles }}
      upstreamIsSandbox={env().upstreamIsSandbox}
      signOutEverywhere={signOutEverywhere}
    >
      {children}
    </ConsoleShell>
  );
}

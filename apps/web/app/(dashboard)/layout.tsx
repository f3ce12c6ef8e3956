import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { SignInRequired } from '@/features/session/sign-in-required';
import { dashboardPrincipal } from '@/server/session';

export const dynamic = 'force-dynamic';

/** Every dashboard page needs an admin: a session, or protected local mode on this machine. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await dashboardPrincipal();
  if (!principal) return <SignInRequired />;
  return (
    <AppShell localMode={principal.kind === 'admin' && principal.via === 'local'}>
      {children}
    </AppShell>
  );
}

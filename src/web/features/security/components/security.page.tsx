import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ChangePasswordSection } from './change-password.section.tsx';
import { SessionsSection } from './sessions.section.tsx';
import { TwoFactorSection } from './two-factor.section.tsx';

export interface SecurityPageProps {
  user: { email: string; twoFactorEnabled: boolean; hasPassword: boolean };
  /** The organization requires two-factor sign-in and this user has not set it up yet. */
  mustEnrolTwoFactor: boolean;
  /** Technicians sign in by link only: they see sessions, not password or two-factor. */
  variant: 'full' | 'sessions-only';
  signOutButton?: ReactNode;
}

export function SecurityPage({ user, mustEnrolTwoFactor, variant, signOutButton }: SecurityPageProps) {
  return (
    <>
      <PageHeader title="Security" description={`How you sign in as ${user.email}, and where you are signed in.`} />
      <div className="flex flex-col gap-6">
        {mustEnrolTwoFactor ? (
          <Alert tone="warning" title="Set up two-factor sign-in to continue">
            Your organization requires two-factor sign-in for your role. The rest of Portico opens once you have set it up below.
          </Alert>
        ) : null}
        {variant === 'full' ? (
          <>
            <TwoFactorSection enabled={user.twoFactorEnabled} hasPassword={user.hasPassword} />
            {user.hasPassword ? <ChangePasswordSection /> : null}
          </>
        ) : null}
        <SessionsSection signOutButton={signOutButton} />
      </div>
    </>
  );
}

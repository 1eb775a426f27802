import { createRoute, redirect } from '@tanstack/react-router';
import { SignInPage } from '../features/auth/components/sign-in.page.tsx';
import type { InvitationPreview } from '../features/invitations/api/preview-invitation.query.ts';
import { findCurrentMembership } from '../features/session/api/me.query.ts';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import { PageHeader } from '../components/ui/page-header.tsx';
import { useEnterApp } from './enter-app.ts';
import { PublicLayout } from './public.layout.tsx';
import { rootRoute } from './root.route.tsx';
import { loadMe } from './shell.guard.ts';
import { homeOf } from './shell.paths.ts';
import { useLeaveApp } from './signed-out.ts';
import { FullPageLoading } from './status.pages.tsx';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  MagicLinkPage,
  MailboxPage,
  ResetPasswordPage,
  SignOutButton,
  withPages,
} from './lazy.pages.ts';

function readText(value: unknown, max = 2000): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;
}

/** `/`: open the shell of the current membership, or sign in. */
export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context, location }) => {
    const me = await loadMe(context.queryClient, location);
    const membership = findCurrentMembership(me);
    throw redirect({ to: membership ? homeOf(membership.kind) : '/no-access' });
  },
  pendingComponent: FullPageLoading,
});

export const publicLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: PublicLayout,
});

export const signInRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: readText(search.redirect) }),
  component: function SignInRoute() {
    const { redirect: target } = signInRoute.useSearch();
    const enterApp = useEnterApp();
    return <SignInPage onSignedIn={() => enterApp({ redirect: target })} />;
  },
});

export const magicLinkRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'magic-link',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: readText(search.token, 200) }),
  component: withPages(function MagicLinkRoute() {
    const { token } = magicLinkRoute.useSearch();
    const enterApp = useEnterApp();
    return <MagicLinkPage token={token} onSignedIn={() => enterApp()} />;
  }, MagicLinkPage),
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'forgot-password',
  component: ForgotPasswordPage,
});

export const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => ({
    token: readText(search.token, 200),
    error: readText(search.error, 100),
  }),
  component: withPages(function ResetPasswordRoute() {
    const { token, error } = resetPasswordRoute.useSearch();
    return <ResetPasswordPage token={token} error={error} />;
  }, ResetPasswordPage),
});

/** The membership an accepted invitation created, to open its shell rather than another one. */
function matchInvitation(preview: InvitationPreview) {
  return (membership: Membership): boolean => {
    switch (preview.kind) {
      case 'staff':
        return membership.kind === 'staff' && membership.organizationName === preview.organizationName;
      case 'contractor':
      case 'contractor_member':
        return membership.kind === 'contractor' && membership.contractorName === preview.contractorName;
      case 'technician':
        return membership.kind === 'technician' && membership.contractorName === preview.contractorName;
    }
  };
}

export const inviteRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'invite',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: readText(search.token, 200) }),
  component: withPages(function InviteRoute() {
    const { token } = inviteRoute.useSearch();
    const enterApp = useEnterApp();
    return <AcceptInvitationPage token={token} onAccepted={(preview) => enterApp({ prefer: matchInvitation(preview) })} />;
  }, AcceptInvitationPage),
});

export const mailboxRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'dev/mailbox',
  component: MailboxPage,
});

export const noAccessRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: 'no-access',
  component: withPages(function NoAccessRoute() {
    const leaveApp = useLeaveApp();
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4">
        <PageHeader
          title="No access yet"
          description="Your account is not part of any organization or contractor right now. Ask the person who invited you to send a new invitation."
        />
        <div>
          <SignOutButton onSignedOut={() => void leaveApp()} />
        </div>
      </div>
    );
  }, SignOutButton),
});

export const publicRoutes = publicLayoutRoute.addChildren([
  signInRoute,
  magicLinkRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  inviteRoute,
  mailboxRoute,
  noAccessRoute,
]);

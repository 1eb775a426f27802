import { createRoute, redirect } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ActivityPage } from '../features/activity/components/activity.page.tsx';
import { ContractorTeamPage } from '../features/contractor-team/components/team.page.tsx';
import { EngagementDetailPage } from '../features/engagements/components/engagement-detail.page.tsx';
import { OrganizationsPage } from '../features/engagements/components/organizations.page.tsx';
import { InvitationList } from '../features/invitations/components/invitation.list.tsx';
import { InviteMemberDialog } from '../features/invitations/components/invite-member.dialog.tsx';
import { InviteTechnicianDialog } from '../features/invitations/components/invite-technician.dialog.tsx';
import { NotificationsPage } from '../features/notifications/components/notifications.page.tsx';
import { useMe } from '../features/session/api/me.query.ts';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { SecurityPage } from '../features/security/components/security.page.tsx';
import { type EngagementSearch, validateEngagementSearch } from './engagement.search.ts';
import { rootRoute } from './root.route.tsx';
import { type NavItem, Shell } from './shell.layout.tsx';
import { requireShell } from './shell.guard.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';

const portalNav: NavItem[] = [
  { href: '/portal/organizations', label: 'Organizations' },
  { href: '/portal/team', label: 'Team' },
  { href: '/portal/activity', label: 'Activity' },
];

export const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  beforeLoad: ({ context, location }) => requireShell('contractor', context.queryClient, location),
  component: function PortalShell() {
    const { me, membership } = portalRoute.useRouteContext();
    return <Shell me={me} membership={membership} area="Contractor portal" nav={portalNav} />;
  },
  errorComponent: FullPageError,
  pendingComponent: FullPageLoading,
});

const portalIndexRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/portal/organizations' });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'organizations',
  validateSearch: validateEngagementSearch,
  component: function OrganizationsRoute() {
    const filters = organizationsRoute.useSearch();
    const navigate = organizationsRoute.useNavigate();
    const { membership } = portalRoute.useRouteContext();
    const changeFilters = useCallback(
      (next: EngagementSearch) => void navigate({ search: next, replace: true }),
      [navigate],
    );
    return (
      <OrganizationsPage
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={(id) => `/portal/organizations/${encodeURIComponent(id)}`}
        contractorName={nameMembership(membership)}
      />
    );
  },
});

const organizationDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'organizations/$engagementId',
  component: function OrganizationDetailRoute() {
    const { engagementId } = organizationDetailRoute.useParams();
    return (
      <EngagementDetailPage engagementId={engagementId} show="organization" backHref="/portal/organizations" backLabel="All organizations" />
    );
  },
});

const teamRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'team',
  component: function PortalTeamRoute() {
    return (
      <ContractorTeamPage
        renderInviteMember={() => <InviteMemberDialog />}
        renderInviteTechnician={() => <InviteTechnicianDialog />}
        renderInvitations={() => (
          <InvitationList
            kinds={['contractor_member', 'technician']}
            headingLevel={3}
            emptyHint="Invite office members and technicians above; their invitations show here."
          />
        )}
      />
    );
  },
});

const activityRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'activity',
  component: function PortalActivityRoute() {
    return <ActivityPage description="Changes to your business's records, who made them and when." />;
  },
});

const notificationsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'notifications',
  component: NotificationsPage,
});

const securityRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'security',
  component: function PortalSecurityRoute() {
    const context = portalRoute.useRouteContext();
    const me = useMe().data ?? context.me;
    return <SecurityPage user={me.user} mustEnrolTwoFactor={me.mustEnrolTwoFactor} variant="full" />;
  },
});

export const portalRoutes = portalRoute.addChildren([
  portalIndexRoute,
  organizationsRoute,
  organizationDetailRoute,
  teamRoute,
  activityRoute,
  notificationsRoute,
  securityRoute,
]);

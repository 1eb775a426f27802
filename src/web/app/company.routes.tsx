import { createRoute, redirect } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ActivityPage } from '../features/activity/components/activity.page.tsx';
import { ContractorsPage } from '../features/engagements/components/contractors.page.tsx';
import { EngagementDetailPage } from '../features/engagements/components/engagement-detail.page.tsx';
import { InvitationsPage } from '../features/invitations/components/invitations.page.tsx';
import { InviteContractorDialog } from '../features/invitations/components/invite-contractor.dialog.tsx';
import { InviteStaffDialog } from '../features/invitations/components/invite-staff.dialog.tsx';
import { NotificationsPage } from '../features/notifications/components/notifications.page.tsx';
import { useCurrentOrganization } from '../features/organization/api/get-current-organization.query.ts';
import { OrganizationSettingsPage } from '../features/organization/components/organization-settings.page.tsx';
import { StaffPage } from '../features/organization/components/staff.page.tsx';
import { useMe } from '../features/session/api/me.query.ts';
import { SecurityPage } from '../features/security/components/security.page.tsx';
import { type EngagementSearch, validateEngagementSearch } from './engagement.search.ts';
import { rootRoute } from './root.route.tsx';
import { type NavItem, Shell } from './shell.layout.tsx';
import { requireShell } from './shell.guard.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';

export const companyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/app',
  beforeLoad: ({ context, location }) => requireShell('staff', context.queryClient, location),
  component: function CompanyShell() {
    const { me, membership } = companyRoute.useRouteContext();
    const organization = useCurrentOrganization();
    const abilities = organization.data?.abilities ?? {};
    // Items that need an ability appear only when the organization says the user has it.
    const nav: NavItem[] = [
      { href: '/app/contractors', label: 'Contractors' },
      { href: '/app/team', label: 'Team' },
      ...(abilities.inviteStaff || abilities.inviteContractor ? [{ href: '/app/invitations', label: 'Invitations' }] : []),
      ...(abilities.viewAudit ? [{ href: '/app/activity', label: 'Activity' }] : []),
      { href: '/app/settings', label: 'Settings' },
    ];
    return <Shell me={me} membership={membership} area="Company" nav={nav} />;
  },
  errorComponent: FullPageError,
  pendingComponent: FullPageLoading,
});

const companyIndexRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/app/contractors' });
  },
});

export const contractorsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contractors',
  validateSearch: validateEngagementSearch,
  component: function ContractorsRoute() {
    const filters = contractorsRoute.useSearch();
    const navigate = contractorsRoute.useNavigate();
    const organization = useCurrentOrganization();
    const changeFilters = useCallback(
      (next: EngagementSearch) => void navigate({ search: next, replace: true }),
      [navigate],
    );
    return (
      <ContractorsPage
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={(id) => `/app/contractors/${encodeURIComponent(id)}`}
        inviteAction={organization.data?.abilities.inviteContractor ? <InviteContractorDialog /> : null}
      />
    );
  },
});

const contractorDetailRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contractors/$engagementId',
  component: function ContractorDetailRoute() {
    const { engagementId } = contractorDetailRoute.useParams();
    return <EngagementDetailPage engagementId={engagementId} show="contractor" backHref="/app/contractors" backLabel="All contractors" />;
  },
});

const teamRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'team',
  component: function CompanyTeamRoute() {
    const organization = useCurrentOrganization();
    return <StaffPage inviteAction={organization.data?.abilities.inviteStaff ? <InviteStaffDialog /> : null} />;
  },
});

const invitationsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'invitations',
  component: InvitationsPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'settings',
  component: OrganizationSettingsPage,
});

const activityRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'activity',
  component: function CompanyActivityRoute() {
    return <ActivityPage description="Every change in your organization, who made it and when." />;
  },
});

const notificationsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'notifications',
  component: NotificationsPage,
});

const securityRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'security',
  component: function CompanySecurityRoute() {
    const context = companyRoute.useRouteContext();
    const me = useMe().data ?? context.me;
    return <SecurityPage user={me.user} mustEnrolTwoFactor={me.mustEnrolTwoFactor} variant="full" />;
  },
});

export const companyRoutes = companyRoute.addChildren([
  companyIndexRoute,
  contractorsRoute,
  contractorDetailRoute,
  teamRoute,
  invitationsRoute,
  settingsRoute,
  activityRoute,
  notificationsRoute,
  securityRoute,
]);

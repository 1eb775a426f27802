import { createRoute, redirect } from '@tanstack/react-router';
import { useCallback } from 'react';
import { ActivityPage } from '../features/activity/components/activity.page.tsx';
import { ContractorTeamPage } from '../features/contractor-team/components/team.page.tsx';
import type { ContractFilters } from '../features/contracts/api/contract.keys.ts';
import { ContractDetailPage } from '../features/contracts/components/contract-detail.page.tsx';
import { ContractsPage, EngagementContracts } from '../features/contracts/components/contracts.page.tsx';
import { EngagementDetailPage } from '../features/engagements/components/engagement-detail.page.tsx';
import { OrganizationsPage } from '../features/engagements/components/organizations.page.tsx';
import { ContractorHomePage } from '../features/home/components/contractor-home.page.tsx';
import { InvitationList } from '../features/invitations/components/invitation.list.tsx';
import { InviteMemberDialog } from '../features/invitations/components/invite-member.dialog.tsx';
import { InviteTechnicianDialog } from '../features/invitations/components/invite-technician.dialog.tsx';
import { ContractMilestonesSection } from '../features/milestones/components/contract-milestones.section.tsx';
import { DeliverPage } from '../features/milestones/components/deliver.page.tsx';
import { MilestoneDetailPage } from '../features/milestones/components/milestone-detail.page.tsx';
import { NotificationsPage } from '../features/notifications/components/notifications.page.tsx';
import { useMe } from '../features/session/api/me.query.ts';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { SecurityPage } from '../features/security/components/security.page.tsx';
import { validateContractSearch } from './contract.search.ts';
import { type EngagementSearch, validateEngagementSearch } from './engagement.search.ts';
import { rootRoute } from './root.route.tsx';
import { type NavItem, Shell } from './shell.layout.tsx';
import { requireShell } from './shell.guard.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';

const portalNav: NavItem[] = [
  { href: '/portal/home', label: 'Home' },
  { href: '/portal/deliver', label: 'To deliver' },
  { href: '/portal/contracts', label: 'Contracts' },
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
    throw redirect({ to: '/portal/home' });
  },
});

const portalHomeRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'home',
  component: () => (
    <ContractorHomePage
      hrefs={{
        milestone: milestoneHref,
        contract: contractHref,
        deliver: '/portal/deliver',
        contracts: '/portal/contracts?status=active',
        team: '/portal/team',
        organizations: '/portal/organizations',
      }}
    />
  ),
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
      <EngagementDetailPage engagementId={engagementId} show="organization" backHref="/portal/organizations" backLabel="All organizations">
        <EngagementContracts engagementId={engagementId} side="contractor" detailHref={contractHref} />
      </EngagementDetailPage>
    );
  },
});

const contractHref = (id: string) => `/portal/contracts/${encodeURIComponent(id)}`;
const milestoneHref = (id: string) => `/portal/milestones/${encodeURIComponent(id)}`;

const deliverRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'deliver',
  component: function DeliverRoute() {
    return <DeliverPage detailHref={milestoneHref} contractHref={contractHref} />;
  },
});

const contractsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'contracts',
  validateSearch: validateContractSearch,
  component: function PortalContractsRoute() {
    const filters = contractsRoute.useSearch();
    const navigate = contractsRoute.useNavigate();
    const changeFilters = useCallback(
      (next: ContractFilters) => void navigate({ search: { status: next.status, q: next.q }, replace: true }),
      [navigate],
    );
    return <ContractsPage side="contractor" filters={filters} onFiltersChange={changeFilters} detailHref={contractHref} />;
  },
});

const contractDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'contracts/$contractId',
  component: function PortalContractRoute() {
    const { contractId } = contractDetailRoute.useParams();
    return (
      <ContractDetailPage
        contractId={contractId}
        side="contractor"
        backHref="/portal/contracts"
        renderMilestones={(contract) => (
          <ContractMilestonesSection
            contractId={contract.id}
            engagementId={contract.engagementId}
            term={{ currency: contract.currency, startDate: contract.startDate, endDate: contract.endDate }}
            canAdd={false}
            detailHref={milestoneHref}
            side="contractor"
          />
        )}
      />
    );
  },
});

const milestoneDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'milestones/$milestoneId',
  component: function PortalMilestoneRoute() {
    const { milestoneId } = milestoneDetailRoute.useParams();
    return (
      <MilestoneDetailPage
        milestoneId={milestoneId}
        side="contractor"
        back={(milestone) =>
          // Approved and paid work is no longer "left to deliver": back to its contract.
          milestone && (milestone.status === 'approved' || milestone.status === 'paid')
            ? { href: contractHref(milestone.contract.id), label: milestone.contract.title }
            : { href: '/portal/deliver', label: "What's left to deliver" }
        }
        contractHref={contractHref}
      />
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
  portalHomeRoute,
  organizationsRoute,
  organizationDetailRoute,
  deliverRoute,
  contractsRoute,
  contractDetailRoute,
  milestoneDetailRoute,
  teamRoute,
  activityRoute,
  notificationsRoute,
  securityRoute,
]);

import { createRoute, redirect } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { ContractFilters } from '../features/contracts/api/contract.keys.ts';
import { useMe } from '../features/session/api/me.query.ts';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { validateContractSearch } from './contract.search.ts';
import { validatePaymentSearch } from './payment.search.ts';
import { type DeskSearch, validateDeskSearch } from './desk.search.ts';
import { type EngagementSearch, validateEngagementSearch } from './engagement.search.ts';
import { createMoneyRoute } from './money.routes.tsx';
import { createNotificationRoutes } from './notification.routes.tsx';
import { rootRoute } from './root.route.tsx';
import type { NavItem } from './shell.layout.tsx';
import { UnreadMessagesBadge } from '../features/messages/components/unread.badge.tsx';
import { homeQuery } from '../features/home/api/get-home.query.ts';
import { requireShell } from './shell.guard.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';
import {
  ActivityPage,
  ContractDetailPage,
  ContractorHomePage,
  ContractMilestonesSection,
  ContractorTeamPage,
  ContractsPage,
  DeliverPage,
  DeskPage,
  EngagementContracts,
  EngagementDetailPage,
  InvitationList,
  InviteMemberDialog,
  AddTechnicianDialog,
  MilestoneDetailPage,
  OrganizationsPage,
  ContractorPaymentsPage,
  PaymentDetailPage,
  SecurityPage,
  Shell,
  JobDetailPage,
  DeskSiteWork,
  PreferencesPage,
  TechnicianDetailPage,
  TechniciansSection,
  withPages,
} from './lazy.pages.ts';

const portalNav: NavItem[] = [
  { href: '/portal/home', label: 'Home' },
  { href: '/portal/jobs', label: 'Jobs' },
  { href: '/portal/messages', label: 'Messages', badge: <UnreadMessagesBadge /> },
  { href: '/portal/money', label: 'Money' },
  { href: '/portal/deliver', label: 'To deliver' },
  { href: '/portal/contracts', label: 'Contracts' },
  { href: '/portal/invoices', label: 'Invoices' },
  { href: '/portal/payments', label: 'Payments' },
  { href: '/portal/organizations', label: 'Organizations' },
  { href: '/portal/team', label: 'Team' },
  { href: '/portal/settings/business', label: 'Business details' },
  { href: '/portal/activity', label: 'Activity' },
  { href: '/portal/preferences', label: 'Preferences' },
];

export const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  beforeLoad: ({ context, location }) => requireShell('contractor', context.queryClient, location),
  component: withPages(function PortalShell() {
    const { me, membership } = portalRoute.useRouteContext();
    return <Shell me={me} membership={membership} area="Contractor portal" nav={portalNav} />;
  }, Shell),
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
  // Loaders start what a page shows while the router loads it, not awaited (docs/architecture.md).
  loader: ({ context }) => void context.queryClient.prefetchQuery(homeQuery()),
  component: withPages(function ContractorHomeRoute() {
    return (
      <ContractorHomePage
        hrefs={{
          milestone: milestoneHref,
          contract: contractHref,
          deliver: '/portal/deliver',
          contracts: '/portal/contracts?status=active',
          team: '/portal/team',
          organizations: '/portal/organizations',
          money: '/portal/money',
        }}
      />
    );
  }, ContractorHomePage),
});

const organizationsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'organizations',
  validateSearch: validateEngagementSearch,
  component: withPages(function OrganizationsRoute() {
    const filters = organizationsRoute.useSearch();
    const navigate = organizationsRoute.useNavigate();
    const { membership } = portalRoute.useRouteContext();
    const changeFilters = useCallback((next: EngagementSearch) => void navigate({ search: next, replace: true }), [navigate]);
    return (
      <OrganizationsPage
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={(id) => `/portal/organizations/${encodeURIComponent(id)}`}
        contractorName={nameMembership(membership)}
      />
    );
  }, OrganizationsPage),
});

const organizationDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'organizations/$engagementId',
  component: withPages(
    function OrganizationDetailRoute() {
      const { engagementId } = organizationDetailRoute.useParams();
      return (
        <EngagementDetailPage
          engagementId={engagementId}
          show="organization"
          backHref="/portal/organizations"
          backLabel="All organizations"
        >
          <EngagementContracts engagementId={engagementId} side="contractor" detailHref={contractHref} />
        </EngagementDetailPage>
      );
    },
    EngagementContracts,
    EngagementDetailPage,
  ),
});

const contractHref = (id: string) => `/portal/contracts/${encodeURIComponent(id)}`;
const milestoneHref = (id: string) => `/portal/milestones/${encodeURIComponent(id)}`;

const deliverRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'deliver',
  component: withPages(function DeliverRoute() {
    return <DeliverPage detailHref={milestoneHref} contractHref={contractHref} />;
  }, DeliverPage),
});

const contractsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'contracts',
  validateSearch: validateContractSearch,
  component: withPages(function PortalContractsRoute() {
    const filters = contractsRoute.useSearch();
    const navigate = contractsRoute.useNavigate();
    const changeFilters = useCallback(
      (next: ContractFilters) => void navigate({ search: { status: next.status, q: next.q }, replace: true }),
      [navigate],
    );
    return <ContractsPage side="contractor" filters={filters} onFiltersChange={changeFilters} detailHref={contractHref} />;
  }, ContractsPage),
});

const contractDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'contracts/$contractId',
  component: withPages(
    function PortalContractRoute() {
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
    ContractDetailPage,
    ContractMilestonesSection,
  ),
});

const milestoneDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'milestones/$milestoneId',
  component: withPages(function PortalMilestoneRoute() {
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
  }, MilestoneDetailPage),
});

/** The job's page; "Invoice this job" opens its "Complete task" (invoice, report or quote) until the invoice form can take a job. */
const jobHref = (id: string) => `/portal/jobs/${encodeURIComponent(id)}`;
const deskLinks = { job: jobHref, invoice: (id: string) => `/portal/invoices/new?job=${encodeURIComponent(id)}` };

const deskRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'jobs',
  validateSearch: validateDeskSearch,
  component: withPages(function DeskRoute() {
    const search = deskRoute.useSearch();
    const navigate = deskRoute.useNavigate();
    const { me } = portalRoute.useRouteContext();
    const change = useCallback((next: DeskSearch) => void navigate({ search: next, replace: true }), [navigate]);
    return <DeskPage search={search} onSearchChange={change} links={deskLinks} userId={me.user.id} />;
  }, DeskPage),
});

const teamRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'team',
  component: withPages(
    function PortalTeamRoute() {
      return (
        <ContractorTeamPage
          renderInviteMember={() => <InviteMemberDialog />}
          renderTechnicians={(canAdd) => <TechniciansSection canAdd={canAdd} addButton={<AddTechnicianDialog />} />}
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
    ContractorTeamPage,
    InvitationList,
    TechniciansSection,
    AddTechnicianDialog,
  ),
});

const technicianDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'team/technicians/$technicianId',
  component: withPages(function PortalTechnicianRoute() {
    const { technicianId } = technicianDetailRoute.useParams();
    const navigate = technicianDetailRoute.useNavigate();
    return <TechnicianDetailPage technicianId={technicianId} onRemoved={() => void navigate({ to: '/portal/team' })} />;
  }, TechnicianDetailPage),
});

const activityRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'activity',
  component: withPages(function PortalActivityRoute() {
    return <ActivityPage description="Changes to your business's records, who made them and when." />;
  }, ActivityPage),
});

const securityRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'security',
  component: withPages(function PortalSecurityRoute() {
    const context = portalRoute.useRouteContext();
    const me = useMe().data ?? context.me;
    return <SecurityPage user={me.user} mustEnrolTwoFactor={me.mustEnrolTwoFactor} variant="full" />;
  }, SecurityPage),
});

const portalPaymentHref = (id: string) => `/portal/payments/${encodeURIComponent(id)}`;

const paymentsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'payments',
  validateSearch: validatePaymentSearch,
  component: withPages(function PortalPaymentsRoute() {
    const { status } = paymentsRoute.useSearch();
    const navigate = paymentsRoute.useNavigate();
    return (
      <ContractorPaymentsPage
        status={status}
        onStatusChange={(next) => void navigate({ search: { status: next }, replace: true })}
        detailHref={portalPaymentHref}
      />
    );
  }, ContractorPaymentsPage),
});

const paymentDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'payments/$paymentId',
  component: withPages(function PortalPaymentRoute() {
    const { paymentId } = paymentDetailRoute.useParams();
    return (
      <PaymentDetailPage
        paymentId={paymentId}
        side="contractor"
        back={{ href: '/portal/payments', label: 'Payments' }}
        detailHref={portalPaymentHref}
      />
    );
  }, PaymentDetailPage),
});

/** A job's page for the contractor (the jobs table, the desk view, lists them). */
const jobDetailRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'jobs/$jobId',
  component: withPages(
    function PortalJobRoute() {
      const { jobId } = jobDetailRoute.useParams();
      return (
        <JobDetailPage
          jobId={jobId}
          side="contractor"
          back={{ href: '/portal/home', label: 'Home' }}
          siteWork={<DeskSiteWork jobId={jobId} />}
        />
      );
    },
    JobDetailPage,
    DeskSiteWork,
  ),
});

/** The member's own preferences: mobile number and saved signature. */
const preferencesRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'preferences',
  component: PreferencesPage,
});
const contractorMoneyRoute = createMoneyRoute(() => portalRoute, 'contractor');

/** The shell's pages; the route tree (with other features' pages) is put together in router.tsx. */
export const portalChildren = [
  paymentsRoute,
  paymentDetailRoute,
  portalIndexRoute,
  portalHomeRoute,
  deskRoute,
  contractorMoneyRoute,
  organizationsRoute,
  organizationDetailRoute,
  deliverRoute,
  contractsRoute,
  contractDetailRoute,
  milestoneDetailRoute,
  jobDetailRoute,
  teamRoute,
  technicianDetailRoute,
  activityRoute,
  ...createNotificationRoutes(portalRoute),
  preferencesRoute,
  securityRoute,
] as const;

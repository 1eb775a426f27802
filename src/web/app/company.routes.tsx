import { createRoute, redirect } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { describeError } from '../lib/api.client.ts';
import type { ContractFilters } from '../features/contracts/api/contract.keys.ts';
import { useContracts } from '../features/contracts/api/list-contracts.query.ts';
import { engagementsQuery, useEngagements } from '../features/engagements/api/list-engagements.query.ts';
import { useEngagement } from '../features/engagements/api/get-engagement.query.ts';
import type { MilestoneFilters } from '../features/milestones/api/milestone.keys.ts';
import { currentOrganizationQuery, useCurrentOrganization } from '../features/organization/api/get-current-organization.query.ts';
import { useMe } from '../features/session/api/me.query.ts';
import { validateContractSearch, validateNewContractSearch } from './contract.search.ts';
import { type EngagementSearch, validateEngagementSearch } from './engagement.search.ts';
import { type MilestoneSearch, validateMilestoneSearch } from './milestone.search.ts';
import { CompanySettingsRoute, createPaymentRoutes } from './company.payments.routes.tsx';
import { createNotificationRoutes } from './notification.routes.tsx';
import { rootRoute } from './root.route.tsx';
import type { NavItem } from './shell.layout.tsx';
import { companyMoneyNav } from './company.nav.ts';
import { UnreadMessagesBadge } from '../features/messages/components/unread.badge.tsx';
import { homeQuery } from '../features/home/api/get-home.query.ts';
import { requireShell } from './shell.guard.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';
import {
  ActivityPage,
  CompanyHomePage,
  ContractDetailPage,
  ContractMilestonesSection,
  ContractorMilestonesSection,
  ContractorsPage,
  DeliveriesPage,
  ContractsPage,
  EditContractPage,
  EngagementContracts,
  EngagementDetailPage,
  InvitationsPage,
  InviteContractorDialog,
  InviteStaffDialog,
  MilestoneDetailPage,
  MilestonesPage,
  NewContractPage,
  SecurityPage,
  Shell,
  StaffPage,
  withPages,
} from './lazy.pages.ts';

export const companyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/app',
  beforeLoad: ({ context, location }) => requireShell('staff', context.queryClient, location),
  // Loaders start what a page shows while the router loads it, not awaited (docs/architecture.md).
  loader: ({ context }) => void context.queryClient.prefetchQuery(currentOrganizationQuery()),
  component: withPages(function CompanyShell() {
    const { me, membership } = companyRoute.useRouteContext();
    const organization = useCurrentOrganization();
    const abilities = organization.data?.abilities ?? {};
    const nav: NavItem[] = [
      { href: '/app/home', label: 'Home' },
      { href: '/app/contractors', label: 'Contractors' },
      { href: '/app/contracts', label: 'Contracts' },
      { href: '/app/milestones', label: 'Milestones' },
      { href: '/app/jobs', label: 'Jobs' },
      { href: '/app/messages', label: 'Messages', badge: <UnreadMessagesBadge /> },
      ...companyMoneyNav,
      { href: '/app/team', label: 'Team' },
      ...(abilities.inviteStaff || abilities.inviteContractor ? [{ href: '/app/invitations', label: 'Invitations' }] : []),
      ...(abilities.viewAudit ? [{ href: '/app/activity', label: 'Activity' }] : []),
      ...(abilities.manageEmail ? [{ href: '/app/email-delivery', label: 'Email delivery' }] : []),
      { href: '/app/settings', label: 'Settings' },
    ];
    return <Shell me={me} membership={membership} area="Company" nav={nav} />;
  }, Shell),
  errorComponent: FullPageError,
  pendingComponent: FullPageLoading,
});

const companyIndexRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/app/home' });
  },
});

const companyHomeHrefs = {
  milestone: (id: string) => `/app/milestones/${encodeURIComponent(id)}`,
  contract: (id: string) => `/app/contracts/${encodeURIComponent(id)}`,
  toReview: '/app/milestones?status=submitted',
  overdue: '/app/milestones?overdue=true',
  contracts: '/app/contracts?status=active',
  invitations: '/app/invitations',
  contractors: '/app/contractors',
  money: '/app/money',
};

const companyHomeRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'home',
  loader: ({ context }) => void context.queryClient.prefetchQuery(homeQuery()),
  component: withPages(function CompanyHomeRoute() {
    return <CompanyHomePage hrefs={companyHomeHrefs} />;
  }, CompanyHomePage),
});

export const contractorsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contractors',
  validateSearch: validateEngagementSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => void context.queryClient.prefetchInfiniteQuery(engagementsQuery(deps)),
  component: withPages(function ContractorsRoute() {
    const filters = contractorsRoute.useSearch();
    const navigate = contractorsRoute.useNavigate();
    const organization = useCurrentOrganization();
    const changeFilters = useCallback((next: EngagementSearch) => void navigate({ search: next, replace: true }), [navigate]);
    return (
      <ContractorsPage
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={(id) => `/app/contractors/${encodeURIComponent(id)}`}
        inviteAction={organization.data?.abilities.inviteContractor ? <InviteContractorDialog /> : null}
      />
    );
  }, ContractorsPage),
});

const contractorDetailRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contractors/$engagementId',
  component: withPages(
    function ContractorDetailRoute() {
      const { engagementId } = contractorDetailRoute.useParams();
      const contractorId = useEngagement(engagementId).data?.contractor.id;
      return (
        <EngagementDetailPage engagementId={engagementId} show="contractor" backHref="/app/contractors" backLabel="All contractors">
          <EngagementContracts
            engagementId={engagementId}
            side="company"
            detailHref={contractHref}
            newHref={`/app/contracts/new?engagementId=${encodeURIComponent(engagementId)}`}
          />
          {contractorId ? (
            <ContractorMilestonesSection
              contractorId={contractorId}
              detailHref={milestoneHref}
              listHref={(view) => `/app/milestones?view=${view}&contractorId=${encodeURIComponent(contractorId)}`}
            />
          ) : null}
        </EngagementDetailPage>
      );
    },
    EngagementContracts,
    EngagementDetailPage,
    ContractorMilestonesSection,
  ),
});

const contractHref = (id: string) => `/app/contracts/${encodeURIComponent(id)}`;
const milestoneHref = (id: string) => `/app/milestones/${encodeURIComponent(id)}`;

const contractsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contracts',
  validateSearch: validateContractSearch,
  component: withPages(function CompanyContractsRoute() {
    const filters = contractsRoute.useSearch();
    const navigate = contractsRoute.useNavigate();
    const changeFilters = useCallback(
      (next: ContractFilters) => void navigate({ search: { status: next.status, q: next.q }, replace: true }),
      [navigate],
    );
    return (
      <ContractsPage
        side="company"
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={contractHref}
        newHref="/app/contracts/new"
      />
    );
  }, ContractsPage),
});

const newContractRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contracts/new',
  validateSearch: validateNewContractSearch,
  component: withPages(function NewContractRoute() {
    const { engagementId } = newContractRoute.useSearch();
    const navigate = newContractRoute.useNavigate();
    // Who a contract can be with comes from the engagements feature; the app composes the two.
    const engagements = useEngagements({ status: 'active' });
    const options = useMemo(() => (engagements.data?.items ?? []).map((e) => ({ id: e.id, label: e.contractor.name })), [engagements.data]);
    return (
      <NewContractPage
        engagementId={engagementId}
        engagements={{ options, isPending: engagements.isPending, error: engagements.isError ? describeError(engagements.error) : null }}
        backHref="/app/contracts"
        onCreated={(contract) => void navigate({ to: '/app/contracts/$contractId', params: { contractId: contract.id } })}
      />
    );
  }, NewContractPage),
});

const contractDetailRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contracts/$contractId',
  component: withPages(
    function CompanyContractRoute() {
      const { contractId } = contractDetailRoute.useParams();
      return (
        <ContractDetailPage
          contractId={contractId}
          side="company"
          backHref="/app/contracts"
          editHref={`${contractHref(contractId)}/edit`}
          renderMilestones={(contract) => (
            <ContractMilestonesSection
              contractId={contract.id}
              engagementId={contract.engagementId}
              term={{ currency: contract.currency, startDate: contract.startDate, endDate: contract.endDate }}
              canAdd={contract.abilities.addMilestone}
              detailHref={milestoneHref}
              side="company"
            />
          )}
        />
      );
    },
    ContractDetailPage,
    ContractMilestonesSection,
  ),
});

const editContractRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'contracts/$contractId/edit',
  component: withPages(function EditContractRoute() {
    const { contractId } = editContractRoute.useParams();
    const navigate = editContractRoute.useNavigate();
    return (
      <EditContractPage
        contractId={contractId}
        contractHref={contractHref(contractId)}
        onSaved={() => void navigate({ to: '/app/contracts/$contractId', params: { contractId } })}
      />
    );
  }, EditContractPage),
});

function toMilestoneFilters(search: MilestoneSearch): MilestoneFilters {
  return { ...search, view: search.view ?? 'pending' };
}

const milestonesRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'milestones',
  validateSearch: validateMilestoneSearch,
  component: withPages(function CompanyMilestonesRoute() {
    const search = milestonesRoute.useSearch();
    const navigate = milestonesRoute.useNavigate();
    const filters = useMemo(() => toMilestoneFilters(search), [search]);
    const changeFilters = useCallback(
      (next: MilestoneFilters) =>
        void navigate({
          search: {
            view: next.view === 'approved' ? 'approved' : 'pending',
            status: next.status,
            contractorId: next.contractorId,
            contractId: next.contractId,
            dueFrom: next.dueFrom,
            dueTo: next.dueTo,
            overdue: next.overdue || undefined,
          },
          replace: true,
        }),
      [navigate],
    );
    // The filter choices come from two other features; the app composes them.
    const engagements = useEngagements({});
    const contracts = useContracts({});
    const contractorOptions = useMemo(() => {
      const seen = new Map<string, string>();
      for (const e of engagements.data?.items ?? []) seen.set(e.contractor.id, e.contractor.name);
      return [...seen].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
    }, [engagements.data]);
    const contractOptions = useMemo(
      () =>
        (contracts.data?.items ?? [])
          .filter((c) => !filters.contractorId || c.contractor.id === filters.contractorId)
          .map((c) => ({ id: c.id, label: c.title, description: c.contractor.name })),
      [contracts.data, filters.contractorId],
    );
    return (
      <MilestonesPage
        filters={filters}
        onFiltersChange={changeFilters}
        detailHref={milestoneHref}
        contractorOptions={contractorOptions}
        contractOptions={contractOptions}
      />
    );
  }, MilestonesPage),
});

const milestoneDetailRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'milestones/$milestoneId',
  component: withPages(function CompanyMilestoneRoute() {
    const { milestoneId } = milestoneDetailRoute.useParams();
    const navigate = milestoneDetailRoute.useNavigate();
    return (
      <MilestoneDetailPage
        milestoneId={milestoneId}
        side="company"
        back={(milestone) =>
          milestone && (milestone.status === 'approved' || milestone.status === 'paid')
            ? { href: '/app/milestones?view=approved', label: 'Approved milestones' }
            : { href: '/app/milestones', label: 'All milestones' }
        }
        contractHref={contractHref}
        onDeleted={() => void navigate({ to: '/app/milestones' })}
      />
    );
  }, MilestoneDetailPage),
});

const teamRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'team',
  component: withPages(function CompanyTeamRoute() {
    const organization = useCurrentOrganization();
    return <StaffPage inviteAction={organization.data?.abilities.inviteStaff ? <InviteStaffDialog /> : null} />;
  }, StaffPage),
});

const invitationsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'invitations',
  component: InvitationsPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'settings',
  component: CompanySettingsRoute,
});

const activityRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'activity',
  component: withPages(function CompanyActivityRoute() {
    return <ActivityPage description="Every change in your organization, who made it and when." />;
  }, ActivityPage),
});

const deliveriesRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'email-delivery',
  component: withPages(function DeliveriesRoute() {
    return <DeliveriesPage />;
  }, DeliveriesPage),
});

const securityRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'security',
  component: withPages(function CompanySecurityRoute() {
    const context = companyRoute.useRouteContext();
    const me = useMe().data ?? context.me;
    return <SecurityPage user={me.user} mustEnrolTwoFactor={me.mustEnrolTwoFactor} variant="full" />;
  }, SecurityPage),
});

/** The company app's pages; the route tree (with the job and invoice pages) is put together in router.tsx. */
export const companyChildren = [
  companyIndexRoute,
  companyHomeRoute,
  contractorsRoute,
  contractorDetailRoute,
  contractsRoute,
  newContractRoute,
  contractDetailRoute,
  editContractRoute,
  milestonesRoute,
  milestoneDetailRoute,
  teamRoute,
  invitationsRoute,
  settingsRoute,
  ...createPaymentRoutes(companyRoute),
  activityRoute,
  deliveriesRoute,
  ...createNotificationRoutes(companyRoute),
  securityRoute,
] as const;

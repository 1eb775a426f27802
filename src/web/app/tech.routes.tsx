import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useMe } from '../features/session/api/me.query.ts';
import { jobThreadsQuery } from '../features/messages/api/threads.query.ts';
import { siteSheetQuery } from '../features/site-work/api/get-site-sheet.query.ts';
import { myJobQuery } from '../features/tech-view/api/get-my-job.query.ts';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { rootRoute } from './root.route.tsx';
import type { NavItem } from './shell.layout.tsx';
import { requireShell } from './shell.guard.ts';
import { useLeaveApp } from './signed-out.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';
import {
  DeferredJobMessages,
  MyJobPage,
  MyJobsPage,
  PreferencesPage,
  SecurityPage,
  Shell,
  SignOutButton,
  TechOffline,
  TechSiteWork,
  withPages,
} from './lazy.pages.ts';
import { createNotificationRoutes } from './notification.routes.tsx';

const techNav: NavItem[] = [
  { href: '/tech/jobs', label: 'My jobs' },
  { href: '/tech/notifications', label: 'Notifications' },
  { href: '/tech/preferences', label: 'Preferences' },
  { href: '/tech/security', label: 'Security' },
];

export const techRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tech',
  beforeLoad: ({ context, location }) => requireShell('technician', context.queryClient, location),
  component: withPages(
    function TechShell() {
      const { me, membership } = techRoute.useRouteContext();
      return (
        <Shell me={me} membership={membership} area="Technician" nav={techNav}>
          <TechOffline userId={me.user.id} />
          <Outlet />
        </Shell>
      );
    },
    Shell,
    TechOffline,
  ),
  errorComponent: FullPageError,
  pendingComponent: FullPageLoading,
});

const techIndexRoute = createRoute({
  getParentRoute: () => techRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/tech/jobs' });
  },
});

const jobsRoute = createRoute({
  getParentRoute: () => techRoute,
  path: 'jobs',
  component: withPages(function TechJobsRoute() {
    const { membership } = techRoute.useRouteContext();
    return <MyJobsPage contractorName={nameMembership(membership)} />;
  }, MyJobsPage),
});

const jobRoute = createRoute({
  getParentRoute: () => techRoute,
  path: 'jobs/$jobId',
  // The page's three requests start while the router loads the route (its code, the guards), not
  // one after the other as the page renders: the first render often has them all, and the page
  // renders again fewer times as they arrive (each a long task on a phone). Not awaited: a slow
  // or offline request never holds the page; its components show their own loading and errors.
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(myJobQuery(params.jobId));
    void context.queryClient.prefetchQuery(siteSheetQuery(params.jobId));
    void context.queryClient.prefetchQuery(jobThreadsQuery(params.jobId));
  },
  component: withPages(
    function TechJobRoute() {
      const { jobId } = jobRoute.useParams();
      // The messages load when the technician scrolls near them (DeferredJobMessages).
      return <MyJobPage jobId={jobId} siteWork={<TechSiteWork jobId={jobId} />} after={<DeferredJobMessages jobId={jobId} />} />;
    },
    MyJobPage,
    TechSiteWork,
    DeferredJobMessages,
  ),
});

const preferencesRoute = createRoute({
  getParentRoute: () => techRoute,
  path: 'preferences',
  component: PreferencesPage,
});

const securityRoute = createRoute({
  getParentRoute: () => techRoute,
  path: 'security',
  component: withPages(
    function TechSecurityRoute() {
      const context = techRoute.useRouteContext();
      const me = useMe().data ?? context.me;
      const leaveApp = useLeaveApp();
      return (
        <SecurityPage
          user={me.user}
          mustEnrolTwoFactor={false}
          variant="sessions-only"
          signOutButton={<SignOutButton label="Sign out of this device" onSignedOut={() => void leaveApp()} />}
        />
      );
    },
    SecurityPage,
    SignOutButton,
  ),
});

export const techRoutes = techRoute.addChildren([
  techIndexRoute,
  jobsRoute,
  jobRoute,
  ...createNotificationRoutes(techRoute),
  preferencesRoute,
  securityRoute,
]);

import { useQueryClient } from '@tanstack/react-query';
import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useMe } from '../features/session/api/me.query.ts';
import { siteSheetQuery } from '../features/site-work/api/get-site-sheet.query.ts';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { rootRoute } from './root.route.tsx';
import type { NavItem } from './shell.layout.tsx';
import { requireShell } from './shell.guard.ts';
import { useLeaveApp } from './signed-out.ts';
import { FullPageError, FullPageLoading } from './status.pages.tsx';
import {
  JobMessagesSection,
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
  component: withPages(
    function TechJobRoute() {
      const { jobId } = jobRoute.useParams();
      // The site sheet is shown inside the job once the job has loaded: asked for now, beside the
      // job, it arrives with it instead of after it (on a phone: earlier tasks, and no second jump).
      const queryClient = useQueryClient();
      useEffect(() => {
        void queryClient.prefetchQuery(siteSheetQuery(jobId));
      }, [queryClient, jobId]);
      return <MyJobPage jobId={jobId} siteWork={<TechSiteWork jobId={jobId} />} after={<JobMessagesSection jobId={jobId} />} />;
    },
    MyJobPage,
    TechSiteWork,
    JobMessagesSection,
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

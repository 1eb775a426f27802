import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { companyJobRoutes } from './company-jobs.routes.tsx';
import { companyChildren, companyRoute } from './company.routes.tsx';
import { createMoneyRoute } from './money.routes.tsx';
import { companyInvoiceRoutes, portalInvoiceRoutes } from './invoice.routes.tsx';
import { portalChildren, portalRoute } from './portal.routes.tsx';
import { indexRoute, publicRoutes } from './public.routes.tsx';
import { rootRoute } from './root.route.tsx';
import { InlineError, InlineNotFound } from './status.pages.tsx';
import { techRoutes } from './tech.routes.tsx';
import { createMessageRoutes } from './messages.routes.tsx';

const companyRoutes = companyRoute.addChildren([
  ...companyChildren,
  createMoneyRoute(() => companyRoute, 'staff'),
  ...companyJobRoutes,
  ...companyInvoiceRoutes,
  ...createMessageRoutes(() => companyRoute, '/app'),
]);
const portalRoutes = portalRoute.addChildren([
  ...portalChildren,
  ...portalInvoiceRoutes,
  ...createMessageRoutes(() => portalRoute, '/portal'),
]);
const routeTree = rootRoute.addChildren([indexRoute, publicRoutes, companyRoutes, portalRoutes, techRoutes]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: InlineError,
    defaultNotFoundComponent: InlineNotFound,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}

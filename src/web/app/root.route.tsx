import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet, useRouter } from '@tanstack/react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Toasts } from '../components/ui/toast.tsx';
import { FullPageError, FullPageNotFound } from './status.pages.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Lets React Aria links and menu items navigate through the router (no full page loads). */
function RootComponent() {
  const router = useRouter();
  return (
    <AriaRouterProvider navigate={(href) => void router.navigate({ href })}>
      <Outlet />
      <Toasts />
    </AriaRouterProvider>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootComponent,
  errorComponent: FullPageError,
  notFoundComponent: FullPageNotFound,
});

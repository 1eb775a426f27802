import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet, useRouter } from '@tanstack/react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Toasts } from '../components/ui/toast.tsx';
import { NavigateContext } from '../lib/navigate.context.ts';
import { FullPageError, FullPageNotFound } from './status.pages.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Lets React Aria links, menu items and plain links navigate through the router (no full page loads). */
function RootComponent() {
  const router = useRouter();
  const navigate = (href: string) => void router.navigate({ href });
  return (
    <AriaRouterProvider navigate={navigate}>
      <NavigateContext.Provider value={navigate}>
        <Outlet />
        <Toasts />
      </NavigateContext.Provider>
    </AriaRouterProvider>
  );
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootComponent,
  errorComponent: FullPageError,
  notFoundComponent: FullPageNotFound,
});

import '../lib/zod.config.ts';
import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { queryRoots } from '../lib/query.roots.ts';
import { chooseEntry } from './enter-app.ts';
import { AppProviders } from './providers.tsx';
import { createQueryClient } from './query-client.ts';
import { type AppRouter, createAppRouter } from './router.tsx';
import { securityOf, shellOfPath } from './shell.paths.ts';

/*
 * The whole app: router, TanStack Query, React Aria and every route tree. main.tsx loads this
 * chunk for every page but the sign-in page, and after a sign-in there.
 */

function createSessionAwareQueryClient(getRouter: () => AppRouter): QueryClient {
  const queryClient = createQueryClient({
    // A session that ended mid-use: back to sign-in, then back here afterwards.
    onSignedOut: () => {
      const router = getRouter();
      const { pathname, href } = router.state.location;
      if (shellOfPath(pathname)) void router.navigate({ to: '/sign-in', search: { redirect: href } });
    },
    // The organization now requires 2FA: the Security page explains and enrols.
    onTwoFactorRequired: () => {
      const router = getRouter();
      const kind = shellOfPath(router.state.location.pathname);
      void queryClient.invalidateQueries({ queryKey: queryRoots.session });
      if (kind) void router.navigate({ to: securityOf(kind) });
    },
  });
  return queryClient;
}

function renderApp(root: Root, queryClient: QueryClient, router: AppRouter): void {
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}

/** Renders the app at the current address. */
export function startApp(root: Root): void {
  const queryClient = createSessionAwareQueryClient(() => router);
  const router = createAppRouter(queryClient);
  renderApp(root, queryClient, router);
}

/**
 * After a sign-in on the page main.tsx rendered without the router: picks the membership and the
 * page to open (as the router's sign-in route does), goes there, and renders the app in its place.
 */
export async function startAppAfterSignIn(root: Root, redirect: string | undefined): Promise<void> {
  let router: AppRouter | undefined;
  const queryClient = createSessionAwareQueryClient(() => {
    if (!router) throw new Error('The router is not ready yet.');
    return router;
  });
  const target = await chooseEntry(queryClient, { redirect });
  window.history.pushState(null, '', target);
  router = createAppRouter(queryClient);
  renderApp(root, queryClient, router);
}

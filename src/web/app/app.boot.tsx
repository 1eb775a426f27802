import '../lib/zod.config.ts';
import type { QueryClient } from '@tanstack/react-query';
import type { AnyRoute } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
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

/** The query client, whose session handlers use the router once there is one. */
function createSessionAwareQueryClient(getRouter: () => AppRouter | undefined): QueryClient {
  const queryClient = createQueryClient({
    // A session that ended mid-use: back to sign-in, then back here afterwards.
    onSignedOut: () => {
      const router = getRouter();
      if (!router) return;
      const { pathname, href } = router.state.location;
      if (shellOfPath(pathname)) void router.navigate({ to: '/sign-in', search: { redirect: href } });
    },
    // The organization now requires 2FA: the Security page explains and enrols.
    onTwoFactorRequired: () => {
      const router = getRouter();
      if (!router) return;
      const kind = shellOfPath(router.state.location.pathname);
      void queryClient.invalidateQueries({ queryKey: queryRoots.session });
      if (kind) void router.navigate({ to: securityOf(kind) });
    },
  });
  return queryClient;
}

/**
 * The first render is a transition: React renders the app in slices and lets the browser answer
 * input between them, instead of one long task while the page starts.
 */
function renderApp(root: Root, queryClient: QueryClient, router: AppRouter): void {
  startTransition(() => {
    root.render(
      <StrictMode>
        <AppProviders queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  });
}

/** How long the first render waits for the router to load the address before it renders anyway (its pending screens then). */
const FIRST_RENDER_WAIT_MS = 1500;

/**
 * Renders the app once the router has loaded the address (its guards, route code and loaders),
 * or after FIRST_RENDER_WAIT_MS if that takes longer. Rendered while the router loads, the stores
 * React reads (the router's, TanStack Query's) change during the render, and React renders the
 * whole tree again synchronously: one long task of ~100 ms on a mid-range phone, where this is a
 * render in slices. Until then the page shows index.html's header.
 */
async function renderWhenLoaded(root: Root, queryClient: QueryClient, router: AppRouter): Promise<void> {
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  await Promise.race([router.load().catch(() => undefined), waited]);
  renderApp(root, queryClient, router);
}

/**
 * Fetches the code of the routes that match the address now, while the guards wait for the
 * session, rather than after them.
 */
function preloadMatchedRoutes(router: AppRouter): void {
  for (const match of router.matchRoutes(router.state.location)) {
    const route = (router.routesById as Record<string, AnyRoute>)[match.routeId];
    if (route) void router.loadRouteChunk(route)?.catch(() => undefined);
  }
}

/** Lets the browser paint and answer input before the next step: each step its own task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Renders the app at the current address (its first reads main.tsx already asked for: requestEarly).
 * Loading this chunk, making the router and asking for the routes' code are separate tasks: on a
 * phone each is ~40–75 ms, and in one task they blocked input for ~170 ms (Lighthouse's TBT).
 */
export async function startApp(root: Root): Promise<void> {
  let router: AppRouter | undefined;
  const queryClient = createSessionAwareQueryClient(() => router);
  await nextTask();
  router = createAppRouter(queryClient);
  await nextTask();
  preloadMatchedRoutes(router);
  await nextTask();
  await renderWhenLoaded(root, queryClient, router);
}

/**
 * After a sign-in on the page main.tsx rendered without the router: picks the membership and the
 * page to open (as the router's sign-in route does), goes there, and renders the app in its place.
 */
export async function startAppAfterSignIn(root: Root, redirect: string | undefined): Promise<void> {
  let router: AppRouter | undefined;
  const queryClient = createSessionAwareQueryClient(() => router);
  const target = await chooseEntry(queryClient, { redirect });
  window.history.pushState(null, '', target);
  router = createAppRouter(queryClient);
  await renderWhenLoaded(root, queryClient, router);
}

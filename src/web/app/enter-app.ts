import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import { findCurrentMembership, meQueryKey, meQueryOptions } from '../features/session/api/me.query.ts';
import { writeContextKey } from '../lib/context.storage.ts';
import { homeOf, isSafeRedirect, shellOfPath } from './shell.paths.ts';

export interface EnterOptions {
  /** Prefer this membership (e.g. the one an invitation just created). */
  prefer?: (membership: Membership) => boolean;
  /** Where the user was going before being asked to sign in. */
  redirect?: string;
}

/**
 * After any sign-in: forget the previous session's data, pick the membership and answer the path
 * to open (the page the user was going to, or the membership's Home).
 */
export async function chooseEntry(queryClient: QueryClient, options: EnterOptions = {}): Promise<string> {
  // Forget what a previous session cached; the page still shown keeps its own queries.
  queryClient.removeQueries({ type: 'inactive' });
  const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
  const preferred = options.prefer ? me.memberships.find(options.prefer) : undefined;
  const chosen = preferred ?? findCurrentMembership(me);
  if (!chosen) return '/no-access';
  writeContextKey(chosen.key);
  if (chosen.key !== me.current) queryClient.removeQueries({ queryKey: meQueryKey });
  if (isSafeRedirect(options.redirect) && shellOfPath(options.redirect) === chosen.kind && !me.mustEnrolTwoFactor) return options.redirect;
  return homeOf(chosen.kind);
}

/** After any sign-in inside the app: choose the entry (above) and open it. */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async function enterApp(options: EnterOptions = {}): Promise<void> {
    await router.navigate({ href: await chooseEntry(queryClient, options) });
  };
}

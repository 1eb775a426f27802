import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { Membership } from '../../shared/schemas/session.schema.ts';
import { writeContextKey } from '../lib/context.storage.ts';
import { findCurrentMembership, meQueryKey, meQueryOptions } from '../features/session/api/me.query.ts';
import { homeOf, isSafeRedirect, shellOfPath } from './shell.paths.ts';

export interface EnterOptions {
  /** Prefer this membership (e.g. the one an invitation just created). */
  prefer?: (membership: Membership) => boolean;
  /** Where the user was going before being asked to sign in. */
  redirect?: string;
}

/** After any sign-in: forget the previous session's data, pick the membership, open its shell. */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async function enterApp(options: EnterOptions = {}): Promise<void> {
    // Forget what a previous session cached; the page still shown keeps its own queries.
    queryClient.removeQueries({ type: 'inactive' });
    const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    const preferred = options.prefer ? me.memberships.find(options.prefer) : undefined;
    const chosen = preferred ?? findCurrentMembership(me);
    if (!chosen) {
      await router.navigate({ to: '/no-access' });
      return;
    }
    writeContextKey(chosen.key);
    if (chosen.key !== me.current) queryClient.removeQueries({ queryKey: meQueryKey });
    if (isSafeRedirect(options.redirect) && shellOfPath(options.redirect) === chosen.kind && !me.mustEnrolTwoFactor) {
      router.history.push(options.redirect);
      return;
    }
    await router.navigate({ to: homeOf(chosen.kind) });
  };
}

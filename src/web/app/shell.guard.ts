import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import type { Me, Membership } from '../../shared/schemas/session.schema.ts';
import { isApiError } from '../lib/api.client.ts';
import { readContextKey, writeContextKey } from '../lib/context.storage.ts';
import { findCurrentMembership, meQueryOptions } from '../features/session/api/me.query.ts';
import { homeOf, securityOf, type ShellKind } from './shell.paths.ts';

interface GuardLocation {
  pathname: string;
  href: string;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function loadMe(queryClient: QueryClient, location: GuardLocation): Promise<Me> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (isApiError(error) && error.status === 401)
      throw redirect({ to: '/sign-in', search: { redirect: location.pathname === '/' ? undefined : location.href } });
    throw error;
  }
}

/** Lets a shell render only for its own kind of membership, and only after required 2FA enrolment. */
export async function requireShell(
  kind: ShellKind,
  queryClient: QueryClient,
  location: GuardLocation,
): Promise<{ me: Me; membership: Membership }> {
  const me = await loadMe(queryClient, location);
  const membership = findCurrentMembership(me);
  if (!membership) throw redirect({ to: '/no-access' });
  if (readContextKey() !== membership.key) writeContextKey(membership.key);
  if (membership.kind !== kind) throw redirect({ to: homeOf(membership.kind) });
  if (me.mustEnrolTwoFactor && location.pathname !== securityOf(kind)) throw redirect({ to: securityOf(kind) });
  return { me, membership };
}

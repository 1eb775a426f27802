import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me, Membership } from '../../../../shared/schemas/session.schema.ts';
import { getJson } from '../../../lib/api.client.ts';

export const meQueryKey = ['session', 'me'] as const;

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return getJson<Me>('/api/me', undefined, signal);
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** The membership this session acts as, or null when the user has none. */
export function findCurrentMembership(me: Me): Membership | null {
  return me.memberships.find((m) => m.key === me.current) ?? me.memberships[0] ?? null;
}

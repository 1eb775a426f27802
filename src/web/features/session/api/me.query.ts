import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Membership } from '../../../../shared/schemas/session.schema.ts';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export type Me = ApiData<'/api/me', 'get'>;

export const meQueryKey = [...queryRoots.session, 'me'] as const;

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return dataOf(api.GET('/api/me', { signal }));
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

import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { organizationKeys } from './organization.keys.ts';

export type Organization = ApiData<'/api/organizations/current', 'get'>;

export function getCurrentOrganization(signal?: AbortSignal): Promise<Organization> {
  return dataOf(api.GET('/api/organizations/current', { signal }));
}

/** The current organization's query: also started by routes while the router loads them. */
export function currentOrganizationQuery() {
  return queryOptions({ queryKey: organizationKeys.current, queryFn: ({ signal }) => getCurrentOrganization(signal) });
}

/** The organization the staff member acts for, with what they may do in it (`abilities`). */
export function useCurrentOrganization() {
  return useQuery(currentOrganizationQuery());
}

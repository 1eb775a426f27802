import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { homeKeys } from './home.keys.ts';

export type Home = ApiData<'/api/home', 'get'>;
export type StaffHome = Extract<Home, { kind: 'staff' }>;
export type ContractorHome = Extract<Home, { kind: 'contractor' }>;
export type HomeMilestone = StaffHome['toReview']['items'][number];
export type HomeRevision = StaffHome['unacknowledged']['items'][number];

export function getHome(signal?: AbortSignal): Promise<Home> {
  return dataOf(api.GET('/api/home', { signal }));
}

/** The Home's query: also started by the Home routes while the router loads them (app/company.routes.tsx, app/portal.routes.tsx). */
export function homeQuery() {
  return queryOptions({ queryKey: homeKeys.current, queryFn: ({ signal }) => getHome(signal) });
}

/** What needs the signed-in side's attention; refreshed whenever milestones, contracts or invitations change. */
export function useHome() {
  return useQuery(homeQuery());
}

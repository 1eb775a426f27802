import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { techViewKeys } from './tech-view.keys.ts';

export type MyJobDetail = ApiData<'/api/my-jobs/{id}', 'get'>;

export function getMyJob(id: string, signal?: AbortSignal): Promise<MyJobDetail> {
  return dataOf(api.GET('/api/my-jobs/{id}', { params: { path: { id } }, signal }));
}

/** The job's query: also started by the tech view's job route while the router loads it (app/tech.routes.tsx). */
export function myJobQuery(id: string) {
  return queryOptions({ queryKey: techViewKeys.detail(id), queryFn: ({ signal }) => getMyJob(id, signal), retry: false });
}

export function useMyJob(id: string) {
  return useQuery(myJobQuery(id));
}

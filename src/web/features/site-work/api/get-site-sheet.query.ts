import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { siteWorkKeys } from './site-work.keys.ts';

export type SiteSheet = ApiData<'/api/jobs/{id}/site', 'get'>;
export type SiteTask = SiteSheet['tasks'][number];
export type SitePhoto = SiteTask['photoList'][number];
export type SiteMissing = SiteSheet['missing'][number];

export function getSiteSheet(jobId: string, signal?: AbortSignal): Promise<SiteSheet> {
  return dataOf(api.GET('/api/jobs/{id}/site', { params: { path: { id: jobId } }, signal }));
}

/** The sheet's query: also started by the tech view's job route beside the job, so the two load together. */
export function siteSheetQuery(jobId: string) {
  return queryOptions({ queryKey: siteWorkKeys.sheet(jobId), queryFn: ({ signal }) => getSiteSheet(jobId, signal), retry: false });
}

/** The job as worked on site: the tech view and the desk read the same sheet. */
export function useSiteSheet(jobId: string) {
  return useQuery(siteSheetQuery(jobId));
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { templateKeys } from './template.keys.ts';

export type TemplatePage = ApiData<'/api/job-templates', 'get'>;
export type JobTemplate = TemplatePage['items'][number];

/** The organization's job templates, newest first, a page at a time. */
export function useTemplatePages() {
  return useInfiniteQuery({
    queryKey: templateKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      dataOf(api.GET('/api/job-templates', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } }, signal })),
    ...keysetPaging,
    select: joinPages,
  });
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { technicianKeys } from './technician.keys.ts';
import type { TechnicianPage } from './technician.types.ts';

export function listTechnicians(q: string, cursor: string | undefined, signal?: AbortSignal): Promise<TechnicianPage> {
  return dataOf(api.GET('/api/technicians', { params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined } }, signal }));
}

/** The crew in the order they joined, a page at a time ("Load more"), narrowed by name or email. */
export function useTechnicians(q = '') {
  return useInfiniteQuery({
    queryKey: technicianKeys.list(q),
    queryFn: ({ pageParam, signal }) => listTechnicians(q, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type MessageFilters, messageKeys } from './message.keys.ts';

export type MessagePage = ApiData<'/api/threads/{id}/messages', 'get'>;
export type Message = MessagePage['items'][number];

export function listMessages(id: string, filters: MessageFilters, cursor: string | undefined, signal?: AbortSignal): Promise<MessagePage> {
  return dataOf(
    api.GET('/api/threads/{id}/messages', {
      params: { path: { id }, query: { limit: PAGE_SIZE, cursor, subject: filters.subject, q: filters.q } },
      signal,
    }),
  );
}

/**
 * A thread's messages, newest first a page at a time ("Load earlier" asks for the next page).
 * Live events refresh it; a poll every 15 s keeps it current when the stream is down.
 */
export function useMessages(id: string, filters: MessageFilters) {
  return useInfiniteQuery({
    queryKey: messageKeys.list(id, filters),
    queryFn: ({ pageParam, signal }) => listMessages(id, filters, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
    refetchInterval: 15_000,
  });
}

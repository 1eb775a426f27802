import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { messageKeys } from './message.keys.ts';

export type Note = ApiData<'/api/threads/{id}/notes', 'get'>['items'][number];

/** The staff's internal notes on an engagement, newest first. */
export function useNotes(threadId: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.notes(threadId),
    queryFn: ({ pageParam, signal }) =>
      dataOf(
        api.GET('/api/threads/{id}/notes', { params: { path: { id: threadId }, query: { limit: PAGE_SIZE, cursor: pageParam } }, signal }),
      ),
    ...keysetPaging,
    select: joinPages,
  });
}

export function usePostNote(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => dataOf(api.POST('/api/threads/{id}/notes', { params: { path: { id: threadId } }, body: { body } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.notes(threadId) }),
  });
}

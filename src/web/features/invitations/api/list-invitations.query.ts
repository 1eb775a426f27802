import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { invitationKeys } from './invitation.keys.ts';

export type InvitationPage = ApiData<'/api/invitations', 'get'>;

/** Newest first, a page at a time. */
export function listInvitations(cursor: string | undefined, signal?: AbortSignal): Promise<InvitationPage> {
  return dataOf(api.GET('/api/invitations', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}

export function useInvitations() {
  return useInfiniteQuery({
    queryKey: invitationKeys.list,
    queryFn: ({ pageParam, signal }) => listInvitations(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}

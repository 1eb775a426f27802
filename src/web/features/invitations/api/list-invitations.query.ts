import { useInfiniteQuery } from '@tanstack/react-query';
import type { Invitation } from '../../../../shared/schemas/invitation.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE, type Paged } from '../../../lib/paging.ts';
import { invitationKeys } from './invitation.keys.ts';

/** Newest first, a page at a time. */
export function listInvitations(cursor: string | undefined, signal?: AbortSignal): Promise<Paged<Invitation>> {
  return getJson<Paged<Invitation>>('/api/invitations', { limit: PAGE_SIZE, cursor }, signal);
}

export function useInvitations() {
  return useInfiniteQuery({
    queryKey: invitationKeys.list,
    queryFn: ({ pageParam, signal }) => listInvitations(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { Invitation } from './invitation.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { invitationKeys } from './invitation.keys.ts';

export function listInvitations(signal?: AbortSignal): Promise<{ items: Invitation[] }> {
  return dataOf(api.GET('/api/invitations', { signal }));
}

export function useInvitations() {
  return useQuery({ queryKey: invitationKeys.list, queryFn: ({ signal }) => listInvitations(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { Invitation } from '../../../../shared/schemas/invitation.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { invitationKeys } from './invitation.keys.ts';

export function listInvitations(signal?: AbortSignal): Promise<{ items: Invitation[] }> {
  return getJson<{ items: Invitation[] }>('/api/invitations', undefined, signal);
}

export function useInvitations() {
  return useQuery({ queryKey: invitationKeys.list, queryFn: ({ signal }) => listInvitations(signal) });
}

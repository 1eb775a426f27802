import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from './invitation.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export function revokeInvitation(id: string): Promise<Invitation> {
  return dataOf(api.POST('/api/invitations/{id}/revoke', { params: { path: { id } } }));
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeInvitation, onSuccess: () => refreshAfterInvitation(queryClient) });
}

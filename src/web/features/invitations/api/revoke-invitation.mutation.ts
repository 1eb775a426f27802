import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '../../../../shared/schemas/invitation.schema.ts';
import { postJson } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export function revokeInvitation(id: string): Promise<Invitation> {
  return postJson<Invitation>(`/api/invitations/${encodeURIComponent(id)}/revoke`);
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeInvitation, onSuccess: () => refreshAfterInvitation(queryClient) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, inviteMemberSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export type InviteMemberInput = z.output<typeof inviteMemberSchema>;

/** A contractor admin invites an office colleague. */
export function inviteMember(input: InviteMemberInput): Promise<Invitation> {
  return dataOf(api.POST('/api/invitations/member', { body: input }));
}

export function useInviteMember() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteMember, onSuccess: () => refreshAfterInvitation(queryClient) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, inviteStaffSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export type InviteStaffInput = z.output<typeof inviteStaffSchema>;

export function inviteStaff(input: InviteStaffInput): Promise<Invitation> {
  return dataOf(api.POST('/api/invitations/staff', { body: input }));
}

export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteStaff, onSuccess: () => refreshAfterInvitation(queryClient) });
}

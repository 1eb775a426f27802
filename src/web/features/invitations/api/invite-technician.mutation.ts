import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, inviteTechnicianSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export type InviteTechnicianInput = z.output<typeof inviteTechnicianSchema>;

/** A contractor admin adds a technician to the crew (they sign in by link only). */
export function inviteTechnician(input: InviteTechnicianInput): Promise<Invitation> {
  return dataOf(api.POST('/api/invitations/technician', { body: input }));
}

export function useInviteTechnician() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteTechnician, onSuccess: () => refreshAfterInvitation(queryClient) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, inviteContractorSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshAfterInvitation } from './invitation.sent.ts';

export type InviteContractorInput = z.output<typeof inviteContractorSchema>;

export function inviteContractor(input: InviteContractorInput): Promise<Invitation> {
  return dataOf(api.POST('/api/invitations/contractor', { body: input }));
}

export function useInviteContractor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteContractor, onSuccess: () => refreshAfterInvitation(queryClient) });
}

import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { acceptInvitationSchema } from '../../../../shared/schemas/invitation.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';

export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

/** Accepts and signs in (the answer sets the session cookie, unless the person uses two-factor sign-in). */
export function acceptInvitation(input: AcceptInvitationInput): Promise<{ ok: true; signedIn: boolean }> {
  return dataOf(api.POST('/api/invitations/accept', { body: input }));
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}

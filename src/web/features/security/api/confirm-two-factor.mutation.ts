import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

/** Finishes enrolment with the first code from the authenticator app. */
export function confirmTwoFactor(code: string): Promise<unknown> {
  return postJson('/api/auth/two-factor/verify-totp', { code });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  // The user, their memberships and what the server unlocks all change: refetch everything.
  return useMutation({ mutationFn: confirmTwoFactor, onSuccess: () => queryClient.invalidateQueries() });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

/** Finishes enrolment with the first code from the authenticator app. */
export function confirmTwoFactor(code: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code } });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  // The user, their memberships and what the server unlocks all change: refetch everything.
  return useMutation({ mutationFn: confirmTwoFactor, onSuccess: () => queryClient.invalidateQueries() });
}

import { useMutation } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { clearContextKey } from '../../../lib/context.storage.ts';

/** Signs out and forgets the membership this browser acted as, so the next person starts from their own default. */
export async function signOut(): Promise<unknown> {
  const answer = await requestOutsideApi('/api/auth/sign-out', { method: 'POST', body: {} });
  clearContextKey();
  return answer;
}

export function useSignOut(onSignedOut: () => void) {
  return useMutation({ mutationFn: signOut, onSuccess: onSignedOut });
}

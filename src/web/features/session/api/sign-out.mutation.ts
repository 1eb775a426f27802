import { useMutation } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

export function signOut(): Promise<unknown> {
  return requestOutsideApi('/api/auth/sign-out', { method: 'POST', body: {} });
}

export function useSignOut(onSignedOut: () => void) {
  return useMutation({ mutationFn: signOut, onSuccess: onSignedOut });
}

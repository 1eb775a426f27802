import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

export function signOut(): Promise<unknown> {
  return postJson('/api/auth/sign-out', {});
}

export function useSignOut(onSignedOut: () => void) {
  return useMutation({ mutationFn: signOut, onSuccess: onSignedOut });
}

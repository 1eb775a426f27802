import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

/** Completes a sign-in that asked for the code from the authenticator app. */
export function verifyTotp(code: string): Promise<unknown> {
  return postJson('/api/auth/two-factor/verify-totp', { code });
}

export function useVerifyTotp() {
  return useMutation({ mutationFn: verifyTotp });
}

import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

/** Emails a reset link to /reset-password. The answer is the same whether or not the address exists. */
export function requestPasswordReset(email: string): Promise<unknown> {
  return postJson('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

import { useMutation } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

/** Emails a reset link to /reset-password. The answer is the same whether or not the address exists. */
export function requestPasswordReset(email: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/request-password-reset', { method: 'POST', body: { email, redirectTo: '/reset-password' } });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

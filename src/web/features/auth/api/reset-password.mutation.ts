import { useMutation } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
}

export function resetPassword(input: ResetPasswordInput): Promise<unknown> {
  return requestOutsideApi('/api/auth/reset-password', { method: 'POST', body: input });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}

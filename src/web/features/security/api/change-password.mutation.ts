import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { securityKeys } from './security.keys.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes the password and signs out every other session. */
export function changePassword(input: ChangePasswordInput): Promise<unknown> {
  return requestOutsideApi('/api/auth/change-password', { method: 'POST', body: { ...input, revokeOtherSessions: true } });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

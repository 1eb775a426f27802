import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { securityKeys } from './security.keys.ts';

export function revokeSession(token: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/revoke-session', { method: 'POST', body: { token } });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

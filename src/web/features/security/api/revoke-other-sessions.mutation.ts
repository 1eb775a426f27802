import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';
import { securityKeys } from './security.keys.ts';

/** "Sign out everywhere else": every session but this one ends. */
export function revokeOtherSessions(): Promise<unknown> {
  return requestOutsideApi('/api/auth/revoke-other-sessions', { method: 'POST', body: {} });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

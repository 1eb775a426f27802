import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

export function disableTwoFactor(password: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/two-factor/disable', { method: 'POST', body: { password } });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: disableTwoFactor, onSuccess: () => queryClient.invalidateQueries() });
}

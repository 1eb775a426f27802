import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { deliveryKeys } from './deliveries.keys.ts';
import type { EmailDelivery } from './list-deliveries.query.ts';

export function resendEmail(id: string): Promise<EmailDelivery> {
  return dataOf(api.POST('/api/emails/{id}/resend', { params: { path: { id } } }));
}

export function useResendEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendEmail,
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

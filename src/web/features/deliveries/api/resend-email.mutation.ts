import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmailDelivery } from '../../../../shared/schemas/notification.schema.ts';
import { postJson } from '../../../lib/api.client.ts';
import { deliveryKeys } from './deliveries.keys.ts';

export function resendEmail(id: string): Promise<EmailDelivery> {
  return postJson<EmailDelivery>(`/api/emails/${encodeURIComponent(id)}/resend`);
}

export function useResendEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendEmail,
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

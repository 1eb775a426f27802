import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, answerOf, dataOf } from '../../../lib/api.client.ts';
import { etagOf } from '../../../../shared/domain/version.ts';
import { paymentKeys } from './payment.keys.ts';
import type { FourEyes } from './payment.types.ts';

export function useFourEyes() {
  return useQuery({ queryKey: paymentKeys.fourEyes, queryFn: ({ signal }) => dataOf(api.GET('/api/payments/four-eyes', { signal })) });
}

export interface FourEyesChange {
  enabled: boolean;
  thresholds: Array<{ currency: string; minAmountMinor: number }>;
  /** The version the person edited (412 when someone saved after). */
  version: number;
}

export async function updateFourEyes({ version, ...body }: FourEyesChange): Promise<FourEyes> {
  const result = await api.PUT('/api/payments/four-eyes', { params: { header: { 'if-match': etagOf(version) } }, body });
  return answerOf(result).data;
}

export function useUpdateFourEyes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFourEyes,
    onSuccess: (rule) => {
      queryClient.setQueryData(paymentKeys.fourEyes, rule);
      void queryClient.invalidateQueries({ queryKey: paymentKeys.all });
    },
  });
}

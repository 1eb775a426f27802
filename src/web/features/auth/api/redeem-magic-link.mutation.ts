import { useMutation } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';

/** Spends a sign-in link. Only on a click: mail scanners that open links must not burn them. */
export function redeemMagicLink(token: string): Promise<{ ok: true }> {
  return dataOf(api.POST('/api/magic-link/redeem', { body: { token } }));
}

export function useRedeemMagicLink() {
  return useMutation({ mutationFn: redeemMagicLink });
}

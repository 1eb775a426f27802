import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

/** Spends a sign-in link. Only on a click: mail scanners that open links must not burn them. */
export function redeemMagicLink(token: string): Promise<{ ok: true }> {
  return postJson<{ ok: true }>('/api/magic-link/redeem', { token });
}

export function useRedeemMagicLink() {
  return useMutation({ mutationFn: redeemMagicLink });
}

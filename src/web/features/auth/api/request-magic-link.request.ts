import { requestOutsideApi } from '../../../lib/api.request.ts';

/** Emails a one-time sign-in link. The answer is the same whether or not the address exists. */
export function requestMagicLink(email: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/sign-in/magic-link', { method: 'POST', body: { email } });
}

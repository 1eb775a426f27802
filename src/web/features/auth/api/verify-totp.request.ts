import { requestOutsideApi } from '../../../lib/api.request.ts';

/** Completes a sign-in that asked for the code from the authenticator app. */
export function verifyTotp(code: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/two-factor/verify-totp', { method: 'POST', body: { code } });
}

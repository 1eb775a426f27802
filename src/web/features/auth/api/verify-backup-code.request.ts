import { requestOutsideApi } from '../../../lib/api.request.ts';

/** Completes a sign-in with one of the single-use backup codes. */
export function verifyBackupCode(code: string): Promise<unknown> {
  return requestOutsideApi('/api/auth/two-factor/verify-backup-code', { method: 'POST', body: { code } });
}

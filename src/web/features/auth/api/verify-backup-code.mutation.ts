import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

/** Completes a sign-in with one of the single-use backup codes. */
export function verifyBackupCode(code: string): Promise<unknown> {
  return postJson('/api/auth/two-factor/verify-backup-code', { code });
}

export function useVerifyBackupCode() {
  return useMutation({ mutationFn: verifyBackupCode });
}

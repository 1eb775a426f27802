import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

export interface TwoFactorSetup {
  totpURI: string;
  backupCodes: string[];
}

/** Starts enrolment: returns the otpauth URI and backup codes; confirmed by a first code. */
export function enableTwoFactor(password: string): Promise<TwoFactorSetup> {
  return postJson<TwoFactorSetup>('/api/auth/two-factor/enable', { password });
}

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}

import { useMutation } from '@tanstack/react-query';
import { requestOutsideApi } from '../../../lib/api.client.ts';

export interface TwoFactorSetup {
  totpURI: string;
  backupCodes: string[];
}

/** Starts enrolment: returns the otpauth URI and backup codes; confirmed by a first code. */
export function enableTwoFactor(password: string): Promise<TwoFactorSetup> {
  return requestOutsideApi<TwoFactorSetup>('/api/auth/two-factor/enable', { method: 'POST', body: { password } });
}

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}

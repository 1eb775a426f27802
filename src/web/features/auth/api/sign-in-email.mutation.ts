import { useMutation } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';

export interface SignInInput {
  email: string;
  password: string;
}

/** Either signed in (session cookie set) or asked for a second factor. */
export interface SignInResult {
  twoFactorRedirect?: boolean;
  user?: { id: string; email: string; name: string };
}

export function signInWithEmail(input: SignInInput): Promise<SignInResult> {
  return postJson<SignInResult>('/api/auth/sign-in/email', input);
}

export function useSignInWithEmail() {
  return useMutation({ mutationFn: signInWithEmail });
}

import { requestOutsideApi } from '../../../lib/api.request.ts';

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
  return requestOutsideApi<SignInResult>('/api/auth/sign-in/email', { method: 'POST', body: input });
}

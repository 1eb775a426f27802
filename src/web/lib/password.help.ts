import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/domain/password.rules.ts';

/** The password rules, said once, shown under every new-password field. */
export const passwordHelp = `Use ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Common words, simple patterns and passwords from breach lists are refused; a few unrelated words work well.`;

export const passwordMismatch = { message: 'The two passwords do not match.', path: ['confirmPassword'] };

/** For `.refine()` on a form schema with `password` and `confirmPassword`. */
export function matchPasswords(value: { password?: string; confirmPassword?: string }): boolean {
  return value.password === value.confirmPassword;
}

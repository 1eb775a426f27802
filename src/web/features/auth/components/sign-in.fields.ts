/**
 * The sign-in form's checks, the same as the shared schemas (emailSchema: trimmed, lower case, at
 * most 254 characters, an address; a password of 1–128 characters) with the same messages as the
 * form resolver, written out so the sign-in page loads no Zod and no form library (its budget is
 * the smallest of all pages). sign-in.fields.test.ts holds them equal to the shared schema.
 */

/** Zod's email pattern (zod/v4/core regexes `email`). */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const EMAIL_MAX = 254;
const PASSWORD_MAX = 128;
const CODE_MAX = 64;

export type Checked = { ok: true; value: string } | { ok: false; message: string };

export function checkEmail(raw: string): Checked {
  const value = raw.trim().toLowerCase();
  if (value.length > EMAIL_MAX) return { ok: false, message: `Use at most ${EMAIL_MAX} characters.` };
  if (!EMAIL.test(value)) return { ok: false, message: 'Enter a valid email address, like name@example.com.' };
  return { ok: true, value };
}

export function checkPassword(raw: string): Checked {
  if (raw.length < 1) return { ok: false, message: 'Enter your password.' };
  if (raw.length > PASSWORD_MAX) return { ok: false, message: `Use at most ${PASSWORD_MAX} characters.` };
  return { ok: true, value: raw };
}

/** A code of the second step (authenticator app or backup code): trimmed, 1–64 characters. */
export function checkCode(raw: string): Checked {
  const value = raw.trim();
  if (value.length < 1) return { ok: false, message: 'Enter the code.' };
  if (value.length > CODE_MAX) return { ok: false, message: `Use at most ${CODE_MAX} characters.` };
  return { ok: true, value };
}

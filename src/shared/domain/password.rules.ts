/** Password rules shared by the server (enforced) and the web (shown as the user types). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const commonFragments = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno1',
  'abc123',
  '123456',
  'portico',
  'changeme',
  'secret',
  'master',
  'login',
  'starwars',
];

/** Returns why a password is refused, or null when it is acceptable. */
export function findPasswordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return 'Use more different characters; repeated characters are easy to guess.';
  if (/^(.{1,4})\1+$/.test(lower)) return 'A repeated pattern is easy to guess.';
  if (isSequence(lower)) return 'A keyboard or number sequence is easy to guess.';
  const stripped = lower.replace(/[^a-z]/g, '');
  const fragment = commonFragments.find(
    (f) => lower.includes(f) && (stripped.length - f.length < 6 || lower.replace(f, '').replace(/[^a-z0-9]/g, '').length < 6),
  );
  if (fragment) return `It is built around "${fragment}", which appears in breached-password lists.`;
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not build your password from your email address.';
  return null;
}

function isSequence(text: string): boolean {
  const rows = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm'];
  return rows.some((row) => row.includes(text) || [...row].reverse().join('').includes(text));
}

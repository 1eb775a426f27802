import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import {
  countRateLimit,
  findRateLimitWait,
  forgetKey,
  hitRateLimit,
  isKeyRemembered,
  type LimitedKey,
  type RateLimitRule,
  rateLimited,
  rememberKey,
} from '../../lib/rate-limit.ts';

const WINDOW_SECONDS = 15 * 60;
const rule = (max: number): RateLimitRule => ({ max, windowSeconds: WINDOW_SECONDS });

/**
 * Only failures count, so an office behind one address never meets a limit by signing in.
 * - one account from one address: 10 failed passwords per 15 minutes, then that pair waits;
 * - one address, all accounts: 200 failures per 15 minutes (a guessing machine, not an office);
 * - one account from everywhere: past 20 failures per 15 minutes, passwords are only tried from
 *   addresses the owner signed in from before (90 days), so guessing spread over many
 *   addresses stops while the owner, at their usual address or by an email link, gets in.
 */
export const signInLimits = {
  accountAtAddress: rule(10),
  address: rule(200),
  account: rule(20),
  knownAddressSeconds: 90 * 24 * 3600,
};

/**
 * Requests that send an email: every one counts (each costs an email), with ceilings an office
 * never reaches; past the per-account ceiling only the owner's known addresses still get links.
 */
export const emailRequestLimits = { accountAtAddress: rule(5), account: rule(20), address: rule(100) };

/** Tokens (links, codes) are guessed at: failures per address. */
export const tokenFailureLimit = rule(100);

type PathKind = 'password' | 'email' | 'token';

/** The better-auth paths held to limits, and how. */
const limitedPaths: Record<string, { name: string; kind: PathKind }> = {
  '/sign-in/email': { name: 'sign-in', kind: 'password' },
  '/sign-in/magic-link': { name: 'magic-link', kind: 'email' },
  '/request-password-reset': { name: 'reset-request', kind: 'email' },
  '/reset-password': { name: 'reset', kind: 'token' },
  '/two-factor/verify-totp': { name: 'two-factor', kind: 'token' },
  '/two-factor/verify-backup-code': { name: 'two-factor', kind: 'token' },
};

function accountOf(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/** Marks an address the owner signed in from (with the right password), for 90 days. */
function knownAddressKey(account: string, ip: string): string {
  return `sign-in:known:${account}|${ip}`;
}

function passwordKeys(ip: string, email: string | undefined) {
  const account = email ? accountOf(email) : undefined;
  return {
    address: { key: `sign-in:fail:ip:${ip}`, rule: signInLimits.address },
    accountAtAddress: account ? { key: `sign-in:fail:account-ip:${account}|${ip}`, rule: signInLimits.accountAtAddress } : undefined,
    account: account ? { key: `sign-in:fail:account:${account}`, rule: signInLimits.account } : undefined,
    known: account ? knownAddressKey(account, ip) : undefined,
  };
}

/** Refuses (429) a password sign-in that is over a limit; counts nothing. */
export async function guardPasswordSignIn(db: Executor, ip: string, email: string | undefined): Promise<void> {
  const keys = passwordKeys(ip, email);
  const wait = await findRateLimitWait(db, [keys.address, ...(keys.accountAtAddress ? [keys.accountAtAddress] : [])]);
  if (wait > 0) throw rateLimited(wait);
  if (!keys.account || !keys.known) return;
  const accountWait = await findRateLimitWait(db, [keys.account]);
  if (accountWait > 0 && !(await isKeyRemembered(db, keys.known))) throw rateLimited(accountWait);
}

/** Counts a failed password, or forgets the pair's failures and remembers the address after a right one. */
export async function recordPasswordSignIn(db: Executor, ip: string, email: string | undefined, succeeded: boolean): Promise<void> {
  const keys = passwordKeys(ip, email);
  if (succeeded) {
    if (keys.accountAtAddress) await forgetKey(db, keys.accountAtAddress.key);
    if (keys.known) await rememberKey(db, keys.known, signInLimits.knownAddressSeconds);
    return;
  }
  await countRateLimit(db, [
    keys.address,
    ...(keys.accountAtAddress ? [keys.accountAtAddress] : []),
    ...(keys.account ? [keys.account] : []),
  ]);
}

/** Counts a request that sends an email and refuses it (429) past a ceiling. */
export async function limitEmailRequest(db: Executor, name: string, ip: string, email: string | undefined): Promise<void> {
  const keys: LimitedKey[] = [{ key: `${name}:ip:${ip}`, rule: emailRequestLimits.address }];
  const account = email ? accountOf(email) : undefined;
  if (account) keys.push({ key: `${name}:account-ip:${account}|${ip}`, rule: emailRequestLimits.accountAtAddress });
  await hitRateLimit(db, keys);
  if (!account) return;
  // Someone asking from many addresses cannot use up the owner's links: their known address still gets one.
  const accountWait = await countRateLimit(db, [{ key: `${name}:account:${account}`, rule: emailRequestLimits.account }]);
  if (accountWait > 0 && !(await isKeyRemembered(db, knownAddressKey(account, ip)))) throw rateLimited(accountWait);
}

const tokenKey = (name: string, ip: string): LimitedKey => ({ key: `${name}:fail:ip:${ip}`, rule: tokenFailureLimit });

export async function guardTokenAttempt(db: Executor, name: string, ip: string): Promise<void> {
  const wait = await findRateLimitWait(db, [tokenKey(name, ip)]);
  if (wait > 0) throw rateLimited(wait);
}

export async function recordTokenFailure(db: Executor, name: string, ip: string): Promise<void> {
  await countRateLimit(db, [tokenKey(name, ip)]);
}

/** Runs a step that redeems a token (an invitation, a link); a TOKEN_INVALID refusal counts as a failure. */
export async function withTokenFailureLimit<T>(db: Executor, name: string, ip: string, run: () => Promise<T>): Promise<T> {
  await guardTokenAttempt(db, name, ip);
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'TOKEN_INVALID') await recordTokenFailure(db, name, ip);
    throw error;
  }
}

/** Before better-auth sees a request: refuses it when its path is over a limit. */
export async function guardAuthRequest(db: Executor, path: string, ip: string, email: string | undefined): Promise<void> {
  const limited = limitedPaths[path];
  if (!limited) return;
  if (limited.kind === 'password') await guardPasswordSignIn(db, ip, email);
  else if (limited.kind === 'email') await limitEmailRequest(db, limited.name, ip, email);
  else await guardTokenAttempt(db, limited.name, ip);
}

/** After better-auth answered: counts what failed. `passed` means the password or token was right. */
export async function recordAuthResponse(
  db: Executor,
  path: string,
  input: { ip: string; email: string | undefined; status: number; passed: boolean },
): Promise<void> {
  const limited = limitedPaths[path];
  if (!limited) return;
  if (limited.kind === 'password' && (input.passed || input.status === 401))
    await recordPasswordSignIn(db, input.ip, input.email, input.passed);
  else if (limited.kind === 'token' && input.status >= 400 && input.status < 500 && input.status !== 429)
    await recordTokenFailure(db, limited.name, input.ip);
}

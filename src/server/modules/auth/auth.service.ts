import { eq } from 'drizzle-orm';
import { loadMemberships } from '../../access/memberships.ts';
import type { Db, Executor } from '../../db/client.ts';
import { accounts, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { hitRateLimit } from '../../lib/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';

export const AUTH_RATE_LIMIT = { max: 10, windowSeconds: 15 * 60 };

/** At most 10 attempts per account and per IP per 15 minutes. */
export async function limitAuthAttempt(db: Executor, kind: string, ip: string, email: string | undefined): Promise<void> {
  const keys = [`${kind}:ip:${ip}`];
  if (email) keys.push(`${kind}:account:${email.trim().toLowerCase()}`);
  await hitRateLimit(db, keys, AUTH_RATE_LIMIT);
}

/**
 * Audits a sign-in (or a failed one) in the chain of each organization or contractor the
 * person belongs to; an unknown address lands in the system chain.
 */
export async function auditSignIn(
  db: Db,
  input: { email: string; ip: string; succeeded: boolean; method: 'password' | 'magic_link' | 'invitation' },
): Promise<void> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const memberships = user ? await loadMemberships(db, user.id) : [];
  const action = input.succeeded ? 'auth.signed_in' : 'auth.sign_in_failed';
  const owners = memberships.map((m) =>
    m.actor.kind === 'staff'
      ? { organizationId: m.actor.organizationId, contractorId: null }
      : { organizationId: null, contractorId: m.actor.kind === 'none' ? null : m.actor.contractorId },
  );
  await runInTransaction(db, async (tx) => {
    for (const owner of owners.length > 0 ? owners : [{ organizationId: null, contractorId: null }]) {
      await recordAudit(tx, {
        actorUserId: user?.id ?? null,
        ...owner,
        action,
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email, method: input.method },
        ip: input.ip,
      });
    }
  });
}

/**
 * Creates a person who signs in with a password (passwordHash from hashPassword) or, without
 * one, with an email link. Refuses an address that already has an account.
 */
export async function createUser(
  tx: Executor,
  input: { name: string; email: string; passwordHash: string | null },
): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw new AppError('ALREADY_EXISTS', `There is already an account for ${input.email}.`);
  const id = createId();
  await tx.insert(users).values({ id, name: input.name, email: input.email, emailVerified: false });
  if (input.passwordHash)
    await tx.insert(accounts).values({ id: createId(), accountId: id, providerId: 'credential', userId: id, password: input.passwordHash });
  return id;
}

import { and, eq, sql } from 'drizzle-orm';
import { loadMemberships } from '../../access/memberships.ts';
import type { Db, Executor } from '../../db/client.ts';
import { invalidateSessions } from '../../access/sessions.cache.ts';
import { accounts, sessions, users, verifications } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { hashPassword } from './auth.better.ts';

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
  input: { name: string; email: string; passwordHash: string | null; emailVerified?: boolean },
): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw new AppError('ALREADY_EXISTS', `There is already an account for ${input.email}.`);
  const id = createId();
  await tx.insert(users).values({ id, name: input.name, email: input.email, emailVerified: input.emailVerified ?? true });
  if (input.passwordHash)
    await tx.insert(accounts).values({ id: createId(), accountId: id, providerId: 'credential', userId: id, password: input.passwordHash });
  return id;
}

/**
 * The account an accepted invitation lands on: the existing one or a new one, its address
 * proven by the invitation link, with a password unless it is for a technician.
 */
export async function ensureInvitedUser(
  tx: Executor,
  input: { email: string; name: string; password?: string; passwordless: boolean },
): Promise<string> {
  if (input.passwordless && input.password) throw badField('password', 'Technicians sign in with an email link; no password is set.');
  const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
  const userId = existing?.id ?? (await createUser(tx, { name: input.name, email: input.email, passwordHash: null }));
  if (existing && !existing.emailVerified) await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
  if (input.passwordless) return userId;
  const [credential] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  if (credential) return userId;
  if (!input.password) throw badField('password', 'Choose a password to finish.');
  await tx
    .insert(accounts)
    .values({ id: createId(), accountId: userId, providerId: 'credential', userId, password: await hashPassword(input.password) });
  return userId;
}

export async function hasPassword(tx: Executor, email: string): Promise<boolean> {
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(users.email, email), eq(accounts.providerId, 'credential')));
  return rows.length > 0;
}

/**
 * Ends a person's access at once (a technician removed from a crew): their sign-in links stop
 * working, and, when they belong nowhere else, every session ends. Cached sessions drop at
 * commit here and within seconds in other processes.
 */
export async function cutOffAccess(tx: Executor, userId: string): Promise<{ sessionsEnded: number }> {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return { sessionsEnded: 0 };
  // better-auth keeps a magic link as a verification whose value is JSON naming the address.
  await tx
    .delete(verifications)
    .where(sql`position(lower(${`"email":${JSON.stringify(user.email)}`}) in lower(${verifications.value})) > 0`);
  const elsewhere = await loadMemberships(tx, userId);
  const ended = elsewhere.length === 0 ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }) : [];
  await invalidateSessions(tx, `user:${userId}`);
  return { sessionsEnded: ended.length };
}

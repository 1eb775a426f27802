import { eq } from 'drizzle-orm';
import { twoFactorSensitiveRoles } from '../../../shared/domain/roles.ts';
import type { RequestContext } from '../../access/actor.ts';
import { loadMemberships } from '../../access/memberships.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db } from '../../db/client.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { postMessage } from '../messages/messages.service.ts';
import type { InboundReplyHandler, ReplyTarget } from './inbound-mail.server.ts';

/**
 * The context a reply by email acts in: the person's membership that sees the thread's
 * engagement (a thread's id is its engagement's id), exactly as if they wrote in the app; none
 * when they no longer belong to either side, or their organization requires two-factor sign-in
 * they have not set up.
 */
export async function contextForReply(db: Db, target: ReplyTarget): Promise<RequestContext | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, twoFactorEnabled: users.twoFactorEnabled })
    .from(users)
    .where(eq(users.id, target.userId));
  if (!user) return null;
  for (const loaded of await loadMemberships(db, target.userId)) {
    const { actor } = loaded;
    if (loaded.requireTwoFactor && actor.kind === 'staff' && twoFactorSensitiveRoles.includes(actor.role) && !user.twoFactorEnabled)
      continue;
    if (await scoped(db, actor).engagements.find(target.threadId))
      return {
        actor,
        user: { ...user, twoFactorEnabled: Boolean(user.twoFactorEnabled) },
        sessionId: 'inbound-smtp',
        requestId: `inbound-${createId()}`,
        ip: 'inbound-smtp',
      };
  }
  return null;
}

/**
 * What a reply by email becomes: a message in its thread by the person, through the messages
 * module's `postMessage` (the same checks, audit and notifications as one typed in the app).
 */
export function createReplyHandler(db: Db): InboundReplyHandler {
  return {
    canReply: async (target) => (await contextForReply(db, target)) !== null,
    async postReply(target, text) {
      const ctx = await contextForReply(db, target);
      if (!ctx) throw new AppError('FORBIDDEN', 'You can no longer write in this thread.');
      await runInTransaction(db, (tx) => postMessage(tx, ctx, { threadId: target.threadId, body: text }));
    },
  };
}

import { eq } from 'drizzle-orm';
import { twoFactorSensitiveRoles } from '../../../shared/domain/roles.ts';
import type { RequestContext } from '../../access/actor.ts';
import { loadMemberships } from '../../access/memberships.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import type { ReplyTarget } from './inbound-mail.server.ts';

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

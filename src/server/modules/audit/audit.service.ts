import { and, desc, eq, lt, } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents, users } from '../../db/schema/index.ts';

/** The events about the actor's own records, newest first, a page at a time. */
export async function listAuditEvents(db: Executor, ctx: RequestContext, page: { limit: number; before?: string }) {
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(scopes.auditEvents(ctx.actor), page.before ? lt(auditEvents.createdAt, new Date(page.before)) : undefined))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
    .limit(page.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(({ event, actorName }) => ({
      id: event.id,
      seq: event.seq,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      actorName,
      before: event.before,
      after: event.after,
      createdAt: event.createdAt.toISOString(),
    })),
    nextBefore: rows.length === page.limit && last ? last.event.createdAt.toISOString() : null,
  };
}

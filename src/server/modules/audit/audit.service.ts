import { and, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { preparedRead } from '../../db/prepared.ts';
import { auditEvents, users } from '../../db/schema/index.ts';
import { type Keyset, keysetAfterValues, keysetKey, keysetOrder, keysetValues, type PageRequest, pageFrom } from '../../lib/pagination.ts';

/** Newest first; indexes (organization_id | contractor_id, created_at, id). */
const auditKeyset: Keyset = { columns: [auditEvents.createdAt, auditEvents.id], direction: 'desc' };

/** A page of events with their actor's name: one prepared statement per shape (src/server/db/prepared.ts). */
const selectAuditEvents = preparedRead((db: Executor, actor: Actor, v: { afterCreatedAt?: string; afterId?: string; limit: number }) =>
  db
    .select({ event: auditEvents, actorName: users.name, key: keysetKey(auditKeyset) })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(scopes.auditEvents(actor), v.afterCreatedAt ? keysetAfterValues(auditKeyset, [v.afterCreatedAt, v.afterId]) : undefined))
    .orderBy(...keysetOrder(auditKeyset))
    .limit(v.limit),
);

/** The events about the actor's own records, newest first, a page at a time. */
export async function listAuditEvents(db: Executor, ctx: RequestContext, request: PageRequest) {
  const [afterCreatedAt, afterId] = keysetValues(auditKeyset, request.cursor);
  const rows = await selectAuditEvents(db, ctx.actor, { afterCreatedAt, afterId, limit: request.limit + 1 });
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return {
    items: page.items.map(({ event, actorName }) => ({
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
    nextCursor: page.nextCursor,
  };
}

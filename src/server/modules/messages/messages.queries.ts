import { and, count, desc, eq, exists, gt, ilike, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { parseMessageSubject } from '../../../shared/domain/messages.ts';
import type { messageListQuerySchema } from '../../../shared/schemas/message.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { threadAbilities } from '../../access/message.policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import { contractors, engagements, jobs, messageReads, messageThreads, messages, organizations } from '../../db/schema/index.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, type PageRequest, pageFrom } from '../../lib/pagination.ts';
import { announceRead } from './messages.live.ts';
import { presentMessages } from './messages.presenter.ts';
import { openThread } from './messages.threads.ts';
import { containsPattern } from '../../lib/like.pattern.ts';

/**
 * The engagements whose threads an actor reads: its accepted engagements; a technician's, those
 * with a job assigned to them (and in them only the messages about those jobs).
 */
function threadEngagements(actor: Actor): SQL {
  if (actor.kind === 'technician')
    return exists(sql`(select 1 from ${jobs} where ${jobs.engagementId} = ${engagements.id} and ${scopes.jobs(actor)})`);
  return and(scopes.engagements(actor), ne(engagements.status, 'invited')) as SQL;
}

/** Whose messages count as unread: the other side's (a colleague's note to the contractor is not news); for a technician, anyone else's. */
function fromOtherSide(actor: Actor): SQL | undefined {
  if (actor.kind === 'staff') return eq(messages.side, 'contractor');
  if (actor.kind === 'contractor') return eq(messages.side, 'company');
  return undefined;
}

/** Messages of the other side the person has not read yet, that the actor may see (one row per thread). */
function unreadOf(db: Executor, actor: Actor, where?: SQL) {
  return db
    .select({ threadId: messages.threadId, unread: count() })
    .from(messages)
    .leftJoin(messageReads, and(eq(messageReads.threadId, messages.threadId), eq(messageReads.userId, actor.userId)))
    .where(
      and(
        scopes.messages(actor),
        where,
        isNull(messages.deletedAt),
        ne(messages.authorUserId, actor.userId),
        fromOtherSide(actor),
        or(isNull(messageReads.lastReadAt), gt(messages.createdAt, messageReads.lastReadAt)),
      ),
    )
    .groupBy(messages.threadId);
}

const threadKeyset: Keyset = { columns: [engagements.createdAt, engagements.id], direction: 'desc' };

/** The actor's threads (one per engagement, newest engagement first), each with its unread count and last message time. */
export async function listThreads(db: Db, ctx: RequestContext, page: PageRequest & { jobId?: string }) {
  const actor = ctx.actor;
  const rows = await db
    .select({
      key: keysetKey(threadKeyset),
      id: engagements.id,
      status: engagements.status,
      organizationName: organizations.name,
      contractorName: contractors.name,
      lastMessageAt: messageThreads.lastMessageAt,
    })
    .from(engagements)
    .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .leftJoin(messageThreads, eq(messageThreads.id, engagements.id))
    .where(
      and(
        threadEngagements(actor),
        page.jobId
          ? exists(
              sql`(select 1 from ${jobs} where ${jobs.id} = ${page.jobId} and ${jobs.engagementId} = ${engagements.id} and ${scopes.jobs(actor)})`,
            )
          : undefined,
        keysetAfter(threadKeyset, page.cursor),
      ),
    )
    .orderBy(...keysetOrder(threadKeyset))
    .limit(page.limit + 1);
  const paged = pageFrom(rows, page.limit, (r) => r.key);
  const ids = paged.items.map((r) => r.id);
  const unread = ids.length === 0 ? [] : await unreadOf(db, actor, inArray(messages.threadId, ids));
  const unreadById = new Map(unread.map((u) => [u.threadId, Number(u.unread)]));
  return {
    items: paged.items.map((row) => ({
      id: row.id,
      engagementId: row.id,
      counterpartName: actor.kind === 'staff' ? row.contractorName : row.organizationName,
      lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
      unread: unreadById.get(row.id) ?? 0,
      abilities: threadAbilities(actor, row),
    })),
    nextCursor: paged.nextCursor,
  };
}

/** One thread's header: the other party, the unread count, what the actor may do (404 outside the scope). */
export async function getThread(db: Db, ctx: RequestContext, id: string) {
  const thread = await openThread(db, ctx.actor, id);
  const [unread] = await unreadOf(db, ctx.actor, eq(messages.threadId, thread.id));
  const [row] = await db
    .select({ lastMessageAt: messageThreads.lastMessageAt })
    .from(messageThreads)
    .where(eq(messageThreads.id, thread.id));
  return {
    id: thread.id,
    engagementId: thread.id,
    counterpartName: thread.counterpartName,
    lastMessageAt: row?.lastMessageAt?.toISOString() ?? null,
    unread: Number(unread?.unread ?? 0),
    abilities: threadAbilities(ctx.actor, thread),
  };
}

/** The navigation's count: unread messages in every thread the actor reads. */
export async function countUnread(db: Db, ctx: RequestContext) {
  const rows = await unreadOf(db, ctx.actor);
  return { unread: rows.reduce((sum, r) => sum + Number(r.unread), 0) };
}

/** A thread's messages, newest first, a page at a time; filtered to one record (`job:<id>`) or searched (`q`, in the text). */
export async function listMessages(db: Db, ctx: RequestContext, id: string, query: z.infer<typeof messageListQuerySchema>) {
  const thread = await openThread(db, ctx.actor, id);
  const subject = query.subject ? parseMessageSubject(query.subject) : null;
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const page = await scoped(db, ctx.actor).messages.page({
    where: and(
      eq(messages.threadId, thread.id),
      subject ? and(eq(messages.subjectKind, subject.kind), eq(messages.subjectId, subject.id)) : undefined,
      pattern ? and(isNull(messages.deletedAt), ilike(messages.body, pattern)) : undefined,
    ),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: await presentMessages(db, ctx.actor, thread, page.items), nextCursor: page.nextCursor };
}

/** Marks the thread read up to its newest message the actor sees: the unread count drops to zero. */
export async function markThreadRead(db: Db, ctx: RequestContext, id: string) {
  const thread = await openThread(db, ctx.actor, id);
  // Copied in SQL, so the marker keeps the message's exact time (microseconds a JS Date would lose).
  await db
    .insert(messageReads)
    .select(
      db
        .select({
          threadId: messages.threadId,
          organizationId: messages.organizationId,
          contractorId: messages.contractorId,
          userId: sql<string>`${ctx.user.id}::text`.as('user_id'),
          lastReadMessageId: messages.id,
          lastReadAt: messages.createdAt,
        })
        .from(messages)
        .where(and(eq(messages.threadId, thread.id), scopes.messages(ctx.actor)))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(1),
    )
    .onConflictDoUpdate({
      target: [messageReads.threadId, messageReads.userId],
      set: { lastReadMessageId: sql`excluded.last_read_message_id`, lastReadAt: sql`excluded.last_read_at` },
      where: sql`${messageReads.lastReadAt} <= excluded.last_read_at`,
    });
  await announceRead(db, ctx.user.id, thread.id);
  return { ok: true as const };
}

import { and, desc, eq, isNull, lt, type SQLWrapper, sql } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { raiseLiveEvents } from '../../access/live.raise.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import { emails, notifications, users } from '../../db/schema/index.ts';
import { afterCommit, runInTransaction } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, type PageRequest, pageFrom } from '../../lib/pagination.ts';
import type { Queue } from '../../lib/queue.ts';
import { enqueueEmail } from './notifications.delivery.ts';
import { type EmailContent, renderEmail } from './notifications.templates.ts';

export const DIGEST_JOB = 'notifications.email';

/** Notifications that arrive within this many seconds of each other go out in one email. */
export const DIGEST_SECONDS = 60;

/** Set once at start: where queued emails go after commit. */
let outbox: { queue: Queue | null } = { queue: null };

export function connectOutbox(queue: Queue | null): void {
  outbox = { queue };
}

/**
 * Writes the email into the outbox table in the caller's transaction; it is sent after commit.
 * `organizationId` names the organization it is about: its owners and admins see its delivery.
 */
export async function queueEmail(
  tx: Executor,
  to: string,
  content: EmailContent,
  about: { organizationId?: string | null } = {},
): Promise<string> {
  const id = createId();
  const rendered = renderEmail(content);
  await tx.insert(emails).values({ id, toAddress: to, ...rendered, status: 'queued', organizationId: about.organizationId ?? null });
  enqueueAfterCommit(tx, id);
  return id;
}

/** Puts a queued email's delivery job on the queue once the transaction has committed. */
export function enqueueAfterCommit(tx: Executor, emailId: string): void {
  afterCommit(tx, async () => {
    if (outbox.queue) await enqueueEmail(outbox.queue, emailId);
  });
}

export interface NotifyInput {
  /** The recipients: their ids, or a query selecting them (one column of user ids), run in the same statement. */
  userIds: string[] | SQLWrapper;
  type: string;
  title: string;
  body: string;
  link?: string;
  organizationId?: string | null;
  contractorId?: string | null;
}

/**
 * The notifications sink: in-app rows now (same transaction); after commit, an email job per
 * recipient, throttled so that a burst (a bulk approval, say) becomes one email, not twenty.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  const created = Array.isArray(input.userIds)
    ? await notifyListed(tx, input, input.userIds)
    : await notifySelected(tx, input, input.userIds);
  await announceNotifications(tx, input, created);
  queueDigests(
    tx,
    created.map((n) => n.userId),
  );
}

type CreatedNotification = { id: string; userId: string };

async function notifyListed(tx: Executor, input: NotifyInput, userIds: readonly string[]): Promise<CreatedNotification[]> {
  if (userIds.length === 0) return [];
  const created = userIds.map((userId) => ({ id: createId(), userId }));
  await tx.insert(notifications).values(
    created.map(({ id, userId }) => ({
      id,
      userId,
      organizationId: input.organizationId ?? null,
      contractorId: input.contractorId ?? null,
      type: input.type,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
    })),
  );
  return created;
}

/** Inserts one notification per recipient the query selects, in one statement; returns them. */
async function notifySelected(tx: Executor, input: NotifyInput, recipients: SQLWrapper): Promise<CreatedNotification[]> {
  const result = await tx.execute(sql`
    insert into notifications (id, user_id, organization_id, contractor_id, type, title, body, link)
    select gen_random_uuid()::text, r.user_id, ${input.organizationId ?? null}, ${input.contractorId ?? null}, ${input.type}, ${input.title}, ${input.body}, ${input.link ?? null}
      from ${recipients} as r(user_id)
    returning id, user_id`);
  return (result as unknown as { rows: Array<{ id: string; user_id: string }> }).rows.map((r) => ({ id: r.id, userId: r.user_id }));
}

/** A live event per notification, for its recipient only (their open tabs refresh the bell). */
function announceNotifications(tx: Executor, input: NotifyInput, created: readonly CreatedNotification[]): Promise<void> {
  return raiseLiveEvents(
    tx,
    created.map((n) => ({
      audience: 'user' as const,
      userId: n.userId,
      organizationId: input.organizationId ?? null,
      contractorId: input.contractorId ?? null,
      kind: 'notification.created',
      subjectType: 'notification',
      subjectId: n.id,
    })),
  );
}

/** After commit, an email job per recipient, throttled so that a burst becomes one email. */
function queueDigests(tx: Executor, userIds: string[]): void {
  if (userIds.length === 0) return;
  afterCommit(tx, async () => {
    for (const userId of new Set(userIds))
      await outbox.queue?.send(DIGEST_JOB, { userId }, { throttle: { key: userId, seconds: DIGEST_SECONDS } });
  });
}

/**
 * The email job of one person: every notification not emailed yet, claimed atomically, in one
 * email per organization they are about — the notification itself when there is one, a list
 * when there are several.
 */
export async function emailPendingNotifications(db: Db, publicUrl: string, userId: string): Promise<number> {
  return runInTransaction(db, async (tx) => {
    const claimed = await tx
      .update(notifications)
      .set({ emailedAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt), isNull(notifications.readAt)))
      .returning();
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    if (claimed.length === 0 || !user) return 0;
    const byOrganization = new Map<string | null, typeof claimed>();
    for (const n of claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()))
      byOrganization.set(n.organizationId, [...(byOrganization.get(n.organizationId) ?? []), n]);
    for (const [organizationId, sorted] of byOrganization) {
      const only = sorted.length === 1 ? sorted[0] : undefined;
      await queueEmail(
        tx,
        user.email,
        only
          ? {
              subject: only.title,
              heading: only.title,
              paragraphs: [only.body],
              action: { label: 'Open in Portico', url: `${publicUrl}${only.link ?? '/'}` },
            }
          : {
              subject: `${sorted.length} updates in Portico`,
              heading: `Hello ${user.name}, here is what happened`,
              paragraphs: sorted.map((n) => `${n.title}. ${n.body}${n.link ? ` (${publicUrl}${n.link})` : ''}`),
              action: { label: 'Open your notifications', url: `${publicUrl}/` },
            },
        { organizationId },
      );
    }
    return claimed.length;
  });
}

/** Newest first; index (user_id, created_at, id). */
const notificationKeyset: Keyset = { columns: [notifications.createdAt, notifications.id], direction: 'desc' };

export async function listNotifications(db: Executor, ctx: RequestContext, request: PageRequest & { unreadOnly: boolean }) {
  const rows = await db
    .select({ notification: notifications, key: keysetKey(notificationKeyset) })
    .from(notifications)
    .where(
      and(
        scopes.notifications(ctx.actor),
        request.unreadOnly ? isNull(notifications.readAt) : undefined,
        keysetAfter(notificationKeyset, request.cursor),
      ),
    )
    .orderBy(...keysetOrder(notificationKeyset))
    .limit(request.limit + 1);
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return { items: page.items.map((r) => r.notification), nextCursor: page.nextCursor, unread: await countUnread(db, ctx) };
}

/** The unread count, from the partial index on unread notifications per user. */
export async function countUnread(db: Executor, ctx: RequestContext): Promise<number> {
  const [counted] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(scopes.notifications(ctx.actor), isNull(notifications.readAt)));
  return counted?.count ?? 0;
}

/** Whether the actor may see this notification (read or not). */
export async function isOwnNotification(db: Executor, ctx: RequestContext, id: string): Promise<boolean> {
  return (await scoped(db, ctx.actor).notifications.find(id)) !== undefined;
}

export async function markNotificationRead(db: Executor, ctx: RequestContext, id: string): Promise<boolean> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), scopes.notifications(ctx.actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

export async function markAllNotificationsRead(db: Executor, ctx: RequestContext): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(scopes.notifications(ctx.actor), isNull(notifications.readAt)));
}

/** The dev mailbox: the newest emails, for local use when no SMTP server is configured. */
export async function listMailbox(db: Executor, to?: string) {
  return db
    .select()
    .from(emails)
    .where(to ? eq(emails.toAddress, to) : lt(emails.createdAt, sql`now() + interval '1 day'`))
    .orderBy(desc(emails.createdAt))
    .limit(100);
}

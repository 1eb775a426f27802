import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../shared/domain/notification.kinds.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import {
  contractors,
  contracts,
  engagements,
  invoices,
  jobs,
  milestones,
  notifications,
  organizations,
  payments,
} from '../../db/schema/index.ts';
import {
  readCursor,
  encodeCursor,
  type Keyset,
  keysetAfterValues,
  keysetKey,
  keysetOrder,
  type PageRequest,
  pageFrom,
  keysetValues,
} from '../../lib/pagination.ts';
import { preparedRead } from '../../db/prepared.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** A notification's group: its subject, or itself when it is about nothing in particular. */
const groupKeyOf = sql<string>`coalesce(${notifications.groupKey}, ${notifications.id})`;

/**
 * Shown in the app: the column itself, not `in_app = $n`, so that a prepared statement's plan
 * (made once, for any value) can use the unread count's partial index (`… where read_at is null
 * and in_app`), which a parameter would not prove it may.
 */
const shownInApp = sql`${notifications.inApp}`;

/** What the centre shows of a person's notifications: in-app ones, of one kind if asked. */
function centreFilter(actor: Actor, kind: NotificationKind | undefined): SQL {
  return and(scopes.notifications(actor), shownInApp, kind ? eq(notifications.kind, kind) : undefined)!;
}

/** Newest first; index (user_id, created_at, id). */
const notificationKeyset: Keyset = { columns: [notifications.createdAt, notifications.id], direction: 'desc' };

export interface ListRequest extends PageRequest {
  unreadOnly: boolean;
  kind?: NotificationKind;
  /** Only the notifications of one group (a subject), to open a group in the centre. */
  group?: string;
}

type NotificationRead = {
  unreadOnly: boolean;
  kind?: NotificationKind;
  group?: string;
  afterCreatedAt?: string;
  afterId?: string;
  limit: number;
};

/** The actor's unread notifications in the centre: what the partial index on unread notifications per user holds. */
function unreadFilter(actor: Actor): SQL {
  return and(scopes.notifications(actor), isNull(notifications.readAt), shownInApp)!;
}

/**
 * The unread count beside a page, read by the page's own statement: a subquery that names no
 * column of the page's rows is run once per statement (an InitPlan), not once per row. A second
 * statement for it cost as much as the page itself on the embedded database.
 */
function unreadBeside(actor: Actor): SQL<number> {
  return sql<number>`(select count(*)::int from ${notifications} where ${unreadFilter(actor)})`;
}

/** A page of the flat list, with the unread count: one prepared statement per shape (src/server/db/prepared.ts). */
const selectNotifications = preparedRead((db: Executor, actor: Actor, v: NotificationRead) =>
  db
    .select({ notification: notifications, key: keysetKey(notificationKeyset), unreadInCentre: unreadBeside(actor) })
    .from(notifications)
    .where(
      and(
        centreFilter(actor, v.kind),
        v.unreadOnly ? isNull(notifications.readAt) : undefined,
        v.group ? eq(groupKeyOf, v.group) : undefined,
        v.afterCreatedAt ? keysetAfterValues(notificationKeyset, [v.afterCreatedAt, v.afterId]) : undefined,
      ),
    )
    .orderBy(...keysetOrder(notificationKeyset))
    .limit(v.limit),
);

/** The unread count a page's rows carry (unreadBeside); an empty page has no row to carry it, so it is counted on its own. */
async function unreadOf(rows: ReadonlyArray<{ unreadInCentre: number }>, db: Executor, ctx: RequestContext): Promise<number> {
  return rows[0]?.unreadInCentre ?? countUnread(db, ctx);
}

/** The flat list, newest first, a page at a time. */
export async function listNotifications(db: Executor, ctx: RequestContext, request: ListRequest) {
  const [afterCreatedAt, afterId] = keysetValues(notificationKeyset, request.cursor);
  const rows = await selectNotifications(db, ctx.actor, {
    unreadOnly: request.unreadOnly,
    kind: request.kind,
    group: request.group,
    afterCreatedAt,
    afterId,
    limit: request.limit + 1,
  });
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return { items: page.items.map((r) => r.notification), nextCursor: page.nextCursor, unread: await unreadOf(rows, db, ctx) };
}

export interface NotificationGroup {
  key: string;
  count: number;
  unread: number;
  latest: NotificationRow;
  /** The subject's name now (a milestone's title, an invoice's number…), when it has one. */
  label: string | null;
}

/**
 * The centre: one entry per group (subject), newest activity first, a page at a time. The
 * keyset is (the group's newest notification, its key); a person's notifications are few
 * enough that grouping them per page is cheap on the (user_id, group_key) index.
 */
export async function listNotificationGroups(db: Executor, ctx: RequestContext, request: Omit<ListRequest, 'group'>) {
  const latestAt = sql`max(${notifications.createdAt})`;
  const after = request.cursor ? readCursor(request.cursor, ['timestamptz', 'text']) : undefined;
  const rows = await db
    .select({
      key: groupKeyOf,
      count: sql<number>`count(*)::int`,
      unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
      latestId: sql<string>`(array_agg(${notifications.id} order by ${notifications.createdAt} desc, ${notifications.id} desc))[1]`,
      cursor: sql<string>`${latestAt}::text`,
      unreadInCentre: unreadBeside(ctx.actor),
    })
    .from(notifications)
    .where(centreFilter(ctx.actor, request.kind))
    .groupBy(groupKeyOf)
    .having(
      and(
        request.unreadOnly ? sql`count(*) filter (where ${notifications.readAt} is null) > 0` : undefined,
        after ? sql`(${latestAt}, ${groupKeyOf}) < (cast(${after[0]} as timestamptz), ${after[1]}::text)` : undefined,
      ),
    )
    .orderBy(sql`${latestAt} desc`, sql`${groupKeyOf} desc`)
    .limit(request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > request.limit && last ? encodeCursor([last.cursor, last.key]) : null;
  const latest = page.length
    ? await db
        .select()
        .from(notifications)
        .where(
          and(
            scopes.notifications(ctx.actor),
            inArray(
              notifications.id,
              page.map((r) => r.latestId),
            ),
          ),
        )
    : [];
  const byId = new Map(latest.map((n) => [n.id, n]));
  const labels = await readSubjectLabels(db, latest);
  const items: NotificationGroup[] = page.flatMap((r) => {
    const n = byId.get(r.latestId);
    return n ? [{ key: r.key, count: r.count, unread: r.unread, latest: n, label: labels.get(r.key) ?? null }] : [];
  });
  return { items, nextCursor, unread: await unreadOf(rows, db, ctx) };
}

/** The subjects' names, one statement per kind of subject on the page (a handful at most). */
async function readSubjectLabels(db: Executor, rows: NotificationRow[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, string[]>();
  for (const n of rows)
    if (n.subjectType && n.subjectId) idsByType.set(n.subjectType, [...(idsByType.get(n.subjectType) ?? []), n.subjectId]);
  const labels = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const found = await readLabels(db, type, ids);
    for (const { id, label } of found) if (label) labels.set(`${type}:${id}`, label);
  }
  return labels;
}

async function readLabels(db: Executor, type: string, ids: string[]): Promise<Array<{ id: string; label: string | null }>> {
  switch (type) {
    case 'milestone':
      return db.select({ id: milestones.id, label: milestones.title }).from(milestones).where(inArray(milestones.id, ids));
    case 'contract':
      return db.select({ id: contracts.id, label: contracts.title }).from(contracts).where(inArray(contracts.id, ids));
    case 'invoice':
      return db
        .select({ id: invoices.id, label: sql<string>`'Invoice ' || ${invoices.number}` })
        .from(invoices)
        .where(inArray(invoices.id, ids));
    case 'payment':
      return db.select({ id: payments.id, label: payments.description }).from(payments).where(inArray(payments.id, ids));
    case 'job':
      return db
        .select({ id: jobs.id, label: sql<string>`'Job ' || ${jobs.number}::text` })
        .from(jobs)
        .where(inArray(jobs.id, ids));
    case 'thread':
    case 'engagement':
      // A thread's id is its engagement's: "Messages · Northwind Facilities – Brightline Studio".
      return db
        .select({
          id: engagements.id,
          label: sql<string>`${type === 'thread' ? 'Messages · ' : ''}::text || ${organizations.name} || ' – ' || ${contractors.name}`,
        })
        .from(engagements)
        .innerJoin(organizations, eq(organizations.id, engagements.organizationId))
        .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
        .where(inArray(engagements.id, ids));
    default:
      return [];
  }
}

/** The unread count of the centre, from the partial index on unread notifications per user. */
const selectUnreadCount = preparedRead((db: Executor, actor: Actor, _v: Record<string, never>) =>
  db.select({ count: sql<number>`count(*)::int` }).from(notifications).where(unreadFilter(actor)),
);

export async function countUnread(db: Executor, ctx: RequestContext): Promise<number> {
  const [counted] = await selectUnreadCount(db, ctx.actor, {});
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

/** Marks a group read; the number marked, or null when the actor has no notification in that group. */
export async function markGroupRead(db: Executor, ctx: RequestContext, key: string): Promise<number | null> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(scopes.notifications(ctx.actor), eq(groupKeyOf, key), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length > 0) return updated.length;
  const [any] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(scopes.notifications(ctx.actor), eq(groupKeyOf, key)))
    .limit(1);
  return any ? 0 : null;
}

export async function markAllNotificationsRead(db: Executor, ctx: RequestContext, kind?: NotificationKind): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(scopes.notifications(ctx.actor), isNull(notifications.readAt), kind ? eq(notifications.kind, kind) : undefined))
    .returning({ id: notifications.id });
  return updated.length;
}

import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { notificationSettings, notifications, organizations, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Queue } from '../../lib/queue.ts';
import { BATCH_EMAIL_JOB, queueEmail } from './notifications.service.ts';
import { REPLY_ADDRESS_DAYS, signReplyAddress } from './notifications.reply.ts';
import type { EmailContent } from './notifications.templates.ts';

export const DAILY_DIGEST_JOB = 'notifications.daily-digest';

export interface NotificationEmailOptions {
  publicUrl: string;
  /** Signs reply addresses; with no `replyDomain`, emails carry no Reply-To (replies would go nowhere). */
  secret: string;
  /** The domain the inbound SMTP listener receives replies for (set when SMTP_INBOUND_PORT is). */
  replyDomain?: string | null;
  now?: () => Date;
}

type Claimed = typeof notifications.$inferSelect;

/** The shell of the person's links (`app`, `portal` or `tech`): where their notification pages are. */
function shellOf(links: Array<string | null>): string {
  for (const link of links) {
    const shell = /^\/(app|portal|tech)\//.exec(link ?? '')?.[1];
    if (shell) return shell;
  }
  return 'portal';
}

/** One email's content: the notification itself when alone, a list (each with its link) when several. */
function composeEmail(
  name: string,
  organizationName: string | null,
  items: Claimed[],
  options: NotificationEmailOptions,
  daily: boolean,
): EmailContent {
  const only = items.length === 1 ? items[0] : undefined;
  const where = organizationName ? ` at ${organizationName}` : '';
  const pages = `${options.publicUrl}/${shellOf(items.map((n) => n.link))}/notifications`;
  const footer = `Sent by Portico${organizationName ? ` for ${organizationName}` : ''}. Choose which emails you get: ${pages}/settings`;
  const replyHint = items.some((n) => n.replyThreadId) && options.replyDomain ? ['Reply to this email to answer in the thread.'] : [];
  if (only && !daily)
    return {
      subject: organizationName ? `${only.title} · ${organizationName}` : only.title,
      heading: only.title,
      paragraphs: [only.body, ...replyHint],
      action: { label: 'Open in Portico', url: `${options.publicUrl}${only.link ?? '/'}` },
      footer,
    };
  return {
    subject: daily
      ? `Your day in Portico${where}: ${items.length} update${items.length > 1 ? 's' : ''}`
      : `${items.length} updates${where}`,
    heading: `Hello ${name}, here is what happened${where}`,
    paragraphs: [...items.map((n) => `${n.title}. ${n.body}${n.link ? ` (${options.publicUrl}${n.link})` : ''}`), ...replyHint],
    action: {
      label: 'Open your notifications',
      url: pages,
    },
    footer,
  };
}

/**
 * The email job of one person: every notification meant for email, not emailed and not read in
 * the app yet, claimed in one statement (a second run finds none), in one email per organization
 * — and per message thread, so that each reply address names one thread. `daily` is the digest;
 * the batched job leaves the notifications of a person who chose the daily digest for it. Each
 * email's dedupe key is the first notification it carries: no notification is in two emails.
 */
export async function emailPendingNotifications(
  db: Db,
  options: NotificationEmailOptions,
  userId: string,
  mode: 'batched' | 'daily' = 'batched',
): Promise<number> {
  return runInTransaction(db, async (tx) => {
    if (mode === 'batched') {
      const [settings] = await tx
        .select({ schedule: notificationSettings.emailSchedule })
        .from(notificationSettings)
        .where(eq(notificationSettings.userId, userId));
      if (settings?.schedule === 'daily') return 0;
    }
    const claimed = await tx
      .update(notifications)
      .set({ emailedAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.byEmail, true),
          isNull(notifications.emailedAt),
          isNull(notifications.readAt),
        ),
      )
      .returning();
    if (claimed.length === 0) return 0;
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    if (!user) return 0;
    const names = await organizationNames(tx, claimed);
    const groups = new Map<string, Claimed[]>();
    for (const n of claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))) {
      const key = `${n.organizationId ?? ''}|${n.replyThreadId ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    const now = options.now?.() ?? new Date();
    for (const items of groups.values()) {
      const { organizationId, replyThreadId } = items[0]!;
      const replyTo =
        replyThreadId && options.replyDomain
          ? signReplyAddress(options.secret, options.replyDomain, {
              threadId: replyThreadId,
              userId,
              expiresAt: new Date(now.getTime() + REPLY_ADDRESS_DAYS * 86_400_000),
            })
          : null;
      const firstId = [...items].sort((a, b) => a.id.localeCompare(b.id))[0]!.id;
      await queueEmail(
        tx,
        user.email,
        composeEmail(user.name, organizationId ? (names.get(organizationId) ?? null) : null, items, options, mode === 'daily'),
        {
          organizationId,
          replyTo,
          dedupeKey: `notifications:${userId}:${firstId}`,
        },
      );
    }
    return claimed.length;
  });
}

async function organizationNames(tx: Executor, rows: Claimed[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((n) => (n.organizationId ? [n.organizationId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(found.map((o) => [o.id, o.name]));
}

/** The daily digest: each person who chose it and has something waiting gets one email (per organization). */
export async function sendDailyDigests(db: Db, options: NotificationEmailOptions): Promise<number> {
  const waiting = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .innerJoin(notificationSettings, eq(notificationSettings.userId, notifications.userId))
    .where(
      and(
        eq(notificationSettings.emailSchedule, 'daily'),
        eq(notifications.byEmail, true),
        isNull(notifications.emailedAt),
        isNull(notifications.readAt),
      ),
    )
    .orderBy(asc(notifications.userId));
  let sent = 0;
  for (const { userId } of waiting) if ((await emailPendingNotifications(db, options, userId, 'daily')) > 0) sent++;
  return sent;
}

export interface NotificationEmailJobs extends NotificationEmailOptions {
  /** When the daily digest goes out (cron, UTC); null: not scheduled (a test runs it by hand). */
  digestCron?: string | null;
  logger?: Logger;
}

/**
 * Registers the per-person batch job (one waiting job per person: a burst joins it) and the
 * daily digest on this queue.
 */
export async function startNotificationEmails(queue: Queue, db: Db, options: NotificationEmailJobs): Promise<void> {
  await queue.configure(BATCH_EMAIL_JOB, { oneQueuedPerKey: true, retryLimit: 20, retryDelaySeconds: 10 });
  await queue.work(BATCH_EMAIL_JOB, async (data) => {
    await emailPendingNotifications(db, options, String(data.userId));
  });
  await queue.work(DAILY_DIGEST_JOB, async () => {
    const sent = await sendDailyDigests(db, options);
    if (sent > 0) options.logger?.info({ sent }, 'daily notification digests queued');
  });
  if (options.digestCron !== null) await queue.schedule(DAILY_DIGEST_JOB, options.digestCron ?? '0 7 * * *');
}

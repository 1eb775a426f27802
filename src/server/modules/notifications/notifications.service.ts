import { desc, eq, lt, type SQLWrapper, sql } from 'drizzle-orm';
import { defaultChannels, kindOfType } from '../../../shared/domain/notification.kinds.ts';
import { raiseLiveEvents } from '../../access/live.raise.ts';
import type { Executor } from '../../db/client.ts';
import { emails } from '../../db/schema/index.ts';
import { afterCommit } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import type { Queue } from '../../lib/queue.ts';
import { enqueueEmail } from './notifications.delivery.ts';
import { type EmailContent, renderEmail } from './notifications.templates.ts';

/** The per-person email job: one waits per person; what arrives meanwhile goes out with it. */
export const BATCH_EMAIL_JOB = 'notifications.batch';

/** Notifications for one person within this long of the first go out as one email. */
export const COALESCE_SECONDS = 180;

/** Set once at start: where queued emails go after commit, and how long a burst is gathered. */
let outbox: { queue: Queue | null; coalesceSeconds: number } = { queue: null, coalesceSeconds: COALESCE_SECONDS };

export function connectOutbox(queue: Queue | null, options: { coalesceSeconds?: number } = {}): void {
  outbox = { queue, coalesceSeconds: options.coalesceSeconds ?? COALESCE_SECONDS };
}

export interface QueueEmailOptions {
  /** The organization it is about: its owners and admins see its delivery. */
  organizationId?: string | null;
  /** What this email is: a second email with the same key is never stored, so never sent. */
  dedupeKey?: string;
  /** Where replies go (a signed reply address), when replies come back to Portico. */
  replyTo?: string | null;
}

/**
 * Writes the email into the outbox table in the caller's transaction; it is sent after commit.
 * Returns its id, or null when an email with the same dedupe key exists already (nothing queued).
 */
export async function queueEmail(tx: Executor, to: string, content: EmailContent, options: QueueEmailOptions = {}): Promise<string | null> {
  const id = createId();
  const rendered = renderEmail(content);
  const inserted = await tx
    .insert(emails)
    .values({
      id,
      toAddress: to,
      ...rendered,
      status: 'queued',
      organizationId: options.organizationId ?? null,
      dedupeKey: options.dedupeKey ?? null,
      replyTo: options.replyTo ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: emails.id });
  if (inserted.length === 0) return null;
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
  /** What it is about; when absent, read from the link (`/portal/milestones/<id>` → milestone). The centre groups by it. */
  subject?: { type: string; id: string };
  /** The message thread a reply to the email goes to; when absent, the thread a `/…/messages/<id>` link names. */
  replyThreadId?: string;
}

const linkSubjects: Record<string, string> = {
  milestones: 'milestone',
  payments: 'payment',
  invoices: 'invoice',
  jobs: 'job',
  contracts: 'contract',
  messages: 'thread',
  threads: 'thread',
  organizations: 'engagement',
  contractors: 'engagement',
};

/** The subject a link names: `/app/milestones/<id>` → milestone <id>; a list page names none. */
export function subjectOfLink(link: string | undefined): { type: string; id: string } | undefined {
  const match = /^\/(?:app|portal|tech)\/([a-z-]+)\/([^/?#]+)/.exec(link ?? '');
  const type = match ? linkSubjects[match[1]!] : undefined;
  return type && match ? { type, id: match[2]! } : undefined;
}

/**
 * The notifications sink: in-app rows now (same transaction), one statement whatever the number
 * of recipients; each person's channel for the kind (their notification settings, or the
 * default) decides whether the row shows in the app, goes by email, both, or is not written.
 * After commit, one email job per recipient who wants email, gathered for a few minutes so that
 * a burst (a bulk approval, say) becomes one email, not twenty.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  let recipients: SQLWrapper;
  if (Array.isArray(input.userIds)) {
    if (input.userIds.length === 0) return;
    const ids = sql.join(
      input.userIds.map((id) => sql`${id}`),
      sql`, `,
    );
    recipients = sql`(select unnest(array[${ids}]::text[]))`;
  } else recipients = input.userIds;
  const kind = kindOfType(input.type);
  const subject = input.subject ?? subjectOfLink(input.link);
  const groupKey = subject ? `${subject.type}:${subject.id}` : null;
  // A notification about a message thread takes replies by email (the thread's id is in its link).
  const replyThreadId = input.replyThreadId ?? (subject?.type === 'thread' ? subject.id : null);
  const result = await tx.execute(sql`
    insert into notifications (id, user_id, organization_id, contractor_id, type, kind, title, body, link, subject_type, subject_id, group_key, in_app, by_email, reply_thread_id)
    select c.id, c.user_id, ${input.organizationId ?? null}, ${input.contractorId ?? null}, ${input.type}, ${kind}, ${input.title}, ${input.body}, ${input.link ?? null},
           ${subject?.type ?? null}, ${subject?.id ?? null}, coalesce(${groupKey}::text, c.id), c.channel in ('both', 'in_app'), c.channel in ('both', 'email'), ${replyThreadId}
      from (select gen_random_uuid()::text as id, r.user_id, coalesce(s.channels ->> ${kind}, ${defaultChannels[kind]}) as channel
              from ${recipients} as r(user_id) left join notification_settings s on s.user_id = r.user_id) as c
     where c.channel <> 'none'
    returning id, user_id, in_app, by_email`);
  const rows = (result as unknown as { rows: Array<{ id: string; user_id: string; in_app: boolean; by_email: boolean }> }).rows;
  await announceNotifications(
    tx,
    input,
    rows.filter((r) => r.in_app),
  );
  queueBatchEmails(
    tx,
    rows.filter((r) => r.by_email).map((r) => r.user_id),
  );
}

/** A live event per notification shown in the app, for its recipient only (their open tabs refresh the bell). */
function announceNotifications(tx: Executor, input: NotifyInput, created: ReadonlyArray<{ id: string; user_id: string }>): Promise<void> {
  return raiseLiveEvents(
    tx,
    created.map((n) => ({
      audience: 'user' as const,
      userId: n.user_id,
      organizationId: input.organizationId ?? null,
      contractorId: input.contractorId ?? null,
      kind: 'notification.created',
      subjectType: 'notification',
      subjectId: n.id,
    })),
  );
}

/**
 * After commit, the person's email job, unless one waits already (a singleton per person on a
 * queue that keeps one queued job per key): it runs `coalesceSeconds` after the first
 * notification of a burst and takes everything that arrived until then.
 */
function queueBatchEmails(tx: Executor, userIds: string[]): void {
  if (userIds.length === 0) return;
  afterCommit(tx, async () => {
    for (const userId of new Set(userIds))
      await outbox.queue?.send(BATCH_EMAIL_JOB, { userId }, { singletonKey: userId, delaySeconds: outbox.coalesceSeconds });
  });
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

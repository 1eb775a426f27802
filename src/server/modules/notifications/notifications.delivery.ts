import { and, eq, getTableColumns, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { emails } from '../../db/schema/index.ts';
import type { Logger } from '../../lib/logger.ts';
import { classifyDeliveryError, type Mailer } from '../../lib/mailer.ts';
import type { Queue } from '../../lib/queue.ts';

export const EMAIL_JOB = 'email.send';
export const EMAIL_SWEEP_JOB = 'email.sweep';

/**
 * How long and how often an email is retried. Every duration is in milliseconds so that a test
 * can compress the schedule; the defaults are what a server runs with.
 */
export interface DeliveryPolicy {
  /** Wait after the first temporary failure; each next wait doubles… */
  firstRetryMs: number;
  /** …up to this, so that an email goes out within this long of the SMTP server's return… */
  maxRetryMs: number;
  /** …for this long after it was queued; after that, waits grow up to `slowMaxRetryMs`. */
  slowAfterMs: number;
  slowMaxRetryMs: number;
  /** A temporary failure this long after the email was queued is final: the email is `failed`. */
  giveUpAfterMs: number;
  /** An attempt holds its row this long; a crash mid-attempt frees it after that. */
  lockMs: number;
  /** The sweeper requeues a `queued` row whose attempt is overdue by this much (a lost job). */
  sweepAfterMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  firstRetryMs: 10_000,
  maxRetryMs: 60_000,
  slowAfterMs: 60 * 60_000,
  slowMaxRetryMs: 10 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  lockMs: 10 * 60_000,
  sweepAfterMs: 5 * 60_000,
};

/** Exponential backoff, capped, with jitter downwards (75–100 %) so that a burst spreads out. */
export function computeRetryDelay(policy: DeliveryPolicy, failedAttempts: number, triedForMs: number, random = Math.random): number {
  const cap = triedForMs >= policy.slowAfterMs ? policy.slowMaxRetryMs : policy.maxRetryMs;
  const exponential = policy.firstRetryMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.round(Math.min(exponential, cap) * (0.75 + 0.25 * random()));
}

/** Puts one email's delivery job on the queue; a second job for the same email while one waits is dropped. */
export async function enqueueEmail(queue: Queue, emailId: string, delayMs = 0): Promise<void> {
  await queue.send(EMAIL_JOB, { emailId }, { singletonKey: emailId, delaySeconds: delayMs / 1000 });
}

const dbNow = sql<string>`now()`;
const msFromNow = (ms: number) => sql`now() + ${Math.round(ms)} * interval '1 millisecond'`;

export type DeliveryOutcome = { status: 'sent' | 'stored' | 'failed' | 'skipped' } | { status: 'retry'; inMs: number };

/**
 * One attempt at one email. The row is claimed first (no other worker sends it meanwhile), and
 * marked `sent` right after the SMTP server accepted the message, in one statement: a crash in
 * between is the only way to send it twice, and the Message-ID (the row id) lets the receiver
 * drop that copy. A 5xx answer fails the email at once; anything else is retried with backoff
 * until `giveUpAfterMs`, and then fails with the last reason.
 */
export async function deliverEmail(
  db: Db,
  mailer: Mailer,
  emailId: string,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<DeliveryOutcome> {
  const [email] = await db
    .update(emails)
    .set({ lockedUntil: msFromNow(policy.lockMs), attempts: sql`${emails.attempts} + 1` })
    .where(
      and(
        eq(emails.id, emailId),
        eq(emails.status, 'queued'),
        lte(emails.nextAttemptAt, sql`now()`),
        or(isNull(emails.lockedUntil), lt(emails.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ ...getTableColumns(emails), now: dbNow });
  if (!email) return checkWhyNotClaimed(db, emailId);
  const { now, ...row } = email;
  try {
    await mailer.send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.text, html: row.html, replyTo: row.replyTo });
  } catch (error) {
    return recordFailure(db, row, new Date(now), classifyDeliveryError(error), policy);
  }
  const status = mailer.kind === 'smtp' ? 'sent' : 'stored';
  await db.update(emails).set({ status, sentAt: sql`now()`, lockedUntil: null, lastError: null }).where(eq(emails.id, row.id));
  return { status };
}

/** Not claimable: done already, being sent elsewhere (skipped), or not due yet (its job comes back then). */
async function checkWhyNotClaimed(db: Db, emailId: string): Promise<DeliveryOutcome> {
  const [row] = await db
    .select({
      status: emails.status,
      dueInMs: sql<number>`extract(epoch from (${emails.nextAttemptAt} - now())) * 1000`,
      locked: sql<boolean>`coalesce(${emails.lockedUntil} > now(), false)`,
    })
    .from(emails)
    .where(eq(emails.id, emailId));
  if (row?.status !== 'queued' || row.locked) return { status: 'skipped' };
  return { status: 'retry', inMs: Math.max(Number(row.dueInMs), 0) };
}

async function recordFailure(
  db: Db,
  row: typeof emails.$inferSelect,
  now: Date,
  failure: { permanent: boolean; reason: string },
  policy: DeliveryPolicy,
): Promise<DeliveryOutcome> {
  const triedForMs = now.getTime() - row.queuedAt.getTime();
  const delay = computeRetryDelay(policy, row.attempts, triedForMs);
  if (failure.permanent || triedForMs + delay > policy.giveUpAfterMs) {
    const reason = failure.permanent ? failure.reason : `gave up after ${row.attempts} attempts: ${failure.reason}`;
    await db
      .update(emails)
      .set({ status: 'failed', failedAt: sql`now()`, lockedUntil: null, lastError: reason.slice(0, 500) })
      .where(eq(emails.id, row.id));
    return { status: 'failed' };
  }
  await db
    .update(emails)
    .set({ nextAttemptAt: msFromNow(delay), lockedUntil: null, lastError: failure.reason })
    .where(eq(emails.id, row.id));
  return { status: 'retry', inMs: delay };
}

/**
 * Requeues `queued` emails whose attempt is overdue by `overdueMs` and that nobody holds: a job
 * lost to a crash between commit and enqueue, or between an attempt and its next job. Moving
 * `next_attempt_at` in the same statement keeps two sweepers from requeuing one row twice.
 */
export async function sweepEmails(db: Db, queue: Queue, overdueMs: number): Promise<number> {
  const rows = await db
    .update(emails)
    .set({ nextAttemptAt: sql`now()` })
    .where(
      and(
        eq(emails.status, 'queued'),
        lt(emails.nextAttemptAt, sql`now() - ${Math.round(overdueMs)} * interval '1 millisecond'`),
        or(isNull(emails.lockedUntil), lt(emails.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ id: emails.id });
  for (const { id } of rows) await enqueueEmail(queue, id);
  return rows.length;
}

export interface EmailDeliveryOptions {
  policy?: DeliveryPolicy;
  /** How often the sweeper runs (cron, UTC): once a minute unless a test wants less. */
  sweepCron?: string | null;
  logger?: Logger;
}

/**
 * Starts delivering email on this queue: the per-email worker, and the sweeper, run once now
 * (whatever a previous process left `queued` and due is requeued: a restart resends) and then
 * on a schedule for rows whose job was lost.
 */
export async function startEmailDelivery(queue: Queue, db: Db, mailer: Mailer, options: EmailDeliveryOptions = {}): Promise<void> {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  // Retries of pg-boss itself are for a handler that threw (the database away, say), not for SMTP.
  await queue.configure(EMAIL_JOB, {
    oneQueuedPerKey: true,
    retryLimit: 50,
    retryDelaySeconds: Math.max(1, Math.round(policy.firstRetryMs / 1000)),
  });
  await queue.work(EMAIL_JOB, async (data) => {
    const emailId = String(data.emailId);
    const outcome = await deliverEmail(db, mailer, emailId, policy);
    if (outcome.status === 'retry') await enqueueEmail(queue, emailId, outcome.inMs);
    if (outcome.status === 'failed') options.logger?.warn({ emailId }, 'email failed; shown on the delivery page');
  });
  await queue.work(EMAIL_SWEEP_JOB, async () => {
    const requeued = await sweepEmails(db, queue, policy.sweepAfterMs);
    if (requeued > 0) options.logger?.warn({ requeued }, 'requeued emails whose delivery job was lost');
  });
  if (options.sweepCron !== null) await queue.schedule(EMAIL_SWEEP_JOB, options.sweepCron ?? '* * * * *');
  await sweepEmails(db, queue, 0);
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { emailDeliveryQuerySchema } from '../../../shared/schemas/notification.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, organizationAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { emails } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { enqueueAfterCommit } from '../notifications/notifications.service.ts';

type EmailRow = typeof emails.$inferSelect;
type DeliveryQuery = z.infer<typeof emailDeliveryQuerySchema>;

const resendable = (status: EmailRow['status']) => status === 'failed' || status === 'queued';

/** The delivery page is the organization's owners' and admins': others of the staff get 403, anyone else 404. */
function assertManagesEmail(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'staff') throw notFound('This organization');
  assertAllowed(organizationAbilities(ctx.actor), 'manageEmail');
}

function present(row: EmailRow) {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
    abilities: { resend: resendable(row.status) },
  };
}

/** The organization's emails that did not go out (failed, or still waiting), newest first, a page at a time. */
export async function listEmailDeliveries(db: Db, ctx: RequestContext, query: DeliveryQuery) {
  assertManagesEmail(ctx);
  const statuses: Array<EmailRow['status']> = query.status === 'undelivered' ? ['failed', 'queued'] : [query.status];
  const page = await scoped(db, ctx.actor).emails.page({
    where: inArray(emails.status, statuses),
    limit: query.limit,
    cursor: query.cursor,
  });
  const counted = await db
    .select({ status: emails.status, count: sql<number>`count(*)::int` })
    .from(emails)
    .where(and(scopes.emails(ctx.actor), inArray(emails.status, ['failed', 'queued'])))
    .groupBy(emails.status);
  return {
    items: page.items.map(present),
    nextCursor: page.nextCursor,
    counts: {
      failed: counted.find((c) => c.status === 'failed')?.count ?? 0,
      queued: counted.find((c) => c.status === 'queued')?.count ?? 0,
    },
  };
}

/** Sends a failed (or waiting) email again now, with a fresh retry window; 409 once it went out. */
export async function resendEmail(db: Db, ctx: RequestContext, id: string) {
  return runInTransaction(db, async (tx) => {
    const before = await scoped(tx, ctx.actor).emails.get(id, 'This email');
    assertManagesEmail(ctx);
    const [after] = await tx
      .update(emails)
      .set({ status: 'queued', queuedAt: sql`now()`, nextAttemptAt: sql`now()`, failedAt: null })
      .where(and(eq(emails.id, id), inArray(emails.status, ['failed', 'queued'])))
      .returning();
    if (!after)
      throw new AppError('CONFLICT', `This email was already ${before.status === 'stored' ? 'stored in the dev mailbox' : 'sent'}.`, {
        status: before.status,
      });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: before.organizationId,
      action: 'email.resent',
      entityType: 'email',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status },
      ip: ctx.ip,
    });
    enqueueAfterCommit(tx, id);
    return present(after);
  });
}

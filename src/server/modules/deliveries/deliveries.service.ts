import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { emailDeliveryQuerySchema } from '../../../shared/schemas/notification.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, organizationAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { emails } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, notFound } from '../../lib/errors.ts';
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

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || id.length > 64 || Number.isNaN(createdAt.getTime()))
    throw badField('cursor', 'This cursor is not valid; start from the first page.');
  return { createdAt, id };
}

const encodeCursor = (row: EmailRow) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

/** The organization's emails that did not go out (failed, or still waiting), newest first, a page at a time. */
export async function listEmailDeliveries(db: Db, ctx: RequestContext, query: DeliveryQuery) {
  assertManagesEmail(ctx);
  const statuses: Array<EmailRow['status']> = query.status === 'undelivered' ? ['failed', 'queued'] : [query.status];
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(emails)
    .where(
      and(
        scopes.emails(ctx.actor),
        inArray(emails.status, statuses),
        cursor
          ? or(lt(emails.createdAt, cursor.createdAt), and(eq(emails.createdAt, cursor.createdAt), lt(emails.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(query.limit + 1);
  const counted = await db
    .select({ status: emails.status, count: sql<number>`count(*)::int` })
    .from(emails)
    .where(and(scopes.emails(ctx.actor), inArray(emails.status, ['failed', 'queued'])))
    .groupBy(emails.status);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
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

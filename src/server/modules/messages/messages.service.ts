import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { editMessageSchema, postMessageSchema } from '../../../shared/schemas/message.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { messageAbilities, threadAbilities } from '../../access/message.policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { messageAttachments, messages } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { type MessageRow, type MessageView, presentMessages } from './messages.presenter.ts';
import { announceMessage } from './messages.live.ts';
import { tellOtherSide } from './messages.notify.ts';
import { readSubject } from './messages.subjects.ts';
import { ensureThread, type OpenThread, openThread } from './messages.threads.ts';

/** What `postMessage` takes: the thread (its id is the engagement's id, so either name works), the text, a subject, files. */
export interface PostMessageInput {
  threadId?: string;
  engagementId?: string;
  body: string;
  subject?: { kind: 'contract' | 'milestone' | 'payment' | 'invoice' | 'job'; id: string };
  /** Ids of files uploaded for this engagement first (POST /api/files?engagementId=…). */
  attachments?: string[];
}

/** Zod's verdict as our 400: the first problem, naming its field. */
function validated<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'body', message: issue.message }));
  throw new AppError('VALIDATION_FAILED', `${fieldErrors[0]?.path}: ${fieldErrors[0]?.message}`, { fieldErrors });
}

/**
 * Posts a message into a thread, in the caller's transaction: validates (400 naming the field),
 * opens the thread through the actor's scope (404), checks the actor may post there (403; a
 * technician only about a job assigned to them), stores the message and its files, writes the
 * audit event and tells the other side ('message.received', linking to the thread). The inbound
 * email listener calls this with the replying person's context.
 */
export async function postMessage(tx: Tx, ctx: RequestContext, input: PostMessageInput): Promise<MessageView> {
  const threadId = input.threadId ?? input.engagementId;
  if (!threadId) throw badField('threadId', 'Name the thread (or the engagement) to post into.');
  const body = validated(postMessageSchema, { body: input.body, subject: input.subject, fileIds: input.attachments ?? [] });
  const thread = await openThread(tx, ctx.actor, threadId);
  if (!threadAbilities(ctx.actor, thread).post)
    throw forbidden(
      thread.status === 'invited' ? 'The contractor has not accepted the invitation yet.' : 'Viewers read messages; they do not post.',
    );
  if (ctx.actor.kind === 'technician' && body.subject?.kind !== 'job')
    throw badField('subject', 'A technician writes about a job assigned to them: pick the job.');
  if (body.subject) await readSubject(tx, ctx.actor, thread, body.subject);
  const fileIds = [...new Set(body.fileIds)];
  for (const fileId of fileIds)
    await readAttachableFile(tx, ctx.actor, fileId, thread).catch((error: unknown) => {
      throw error instanceof AppError ? badField('fileIds', error.details?.fieldErrors?.[0]?.message ?? error.message) : error;
    });
  const now = new Date();
  await ensureThread(tx, thread, now);
  const [row] = await tx
    .insert(messages)
    .values({
      id: createId(),
      threadId: thread.id,
      organizationId: thread.organizationId,
      contractorId: thread.contractorId,
      authorUserId: ctx.user.id,
      side: ctx.actor.kind === 'staff' ? 'company' : 'contractor',
      body: body.body,
      subjectKind: body.subject?.kind ?? null,
      subjectId: body.subject?.id ?? null,
      jobId: body.subject?.kind === 'job' ? body.subject.id : null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('message insert returned nothing');
  if (fileIds.length > 0)
    await tx.insert(messageAttachments).values(
      fileIds.map((fileId, position) => ({
        messageId: row.id,
        fileId,
        organizationId: thread.organizationId,
        contractorId: thread.contractorId,
        position,
      })),
    );
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    organizationId: thread.organizationId,
    contractorId: thread.contractorId,
    action: 'message.posted',
    entityType: 'message',
    entityId: row.id,
    after: { threadId: thread.id, body: row.body, subject: body.subject ?? null, fileIds },
    ip: ctx.ip,
  });
  await announceMessage(tx, row, 'message.created');
  await tellOtherSide(
    tx,
    row,
    { name: ctx.user.name, isTechnician: ctx.actor.kind === 'technician' },
    row.side === 'company' ? thread.organizationName : thread.contractorName,
  );
  const [view] = await presentMessages(tx, ctx.actor, thread, [row], now);
  if (!view) throw new Error('message was not presented');
  return view;
}

/** Posts from a request: its own transaction around `postMessage`. */
export async function postMessageRequest(db: Db, ctx: RequestContext, threadId: string, input: z.infer<typeof postMessageSchema>) {
  return runInTransaction(db, (tx) =>
    postMessage(tx, ctx, { threadId, body: input.body, subject: input.subject, attachments: input.fileIds }),
  );
}

/** Reads a message through the scope and locks it, with its thread (404 for either outside the scope). */
async function readMessageForUpdate(tx: Tx, ctx: RequestContext, id: string): Promise<{ row: MessageRow; thread: OpenThread }> {
  const row = await scoped(tx, ctx.actor).messages.getForUpdate(id, 'This message');
  return { row, thread: await openThread(tx, ctx.actor, row.threadId) };
}

/** Its author edits a message within 10 minutes (If-Match: the version read); the audit keeps both texts. */
export async function editMessage(db: Db, ctx: RequestContext, id: string, input: { body: string }, expected: ExpectedVersion) {
  const { body } = validated(editMessageSchema, input);
  return runInTransaction(db, async (tx) => {
    const { row: before, thread } = await readMessageForUpdate(tx, ctx, id);
    const now = new Date();
    if (!messageAbilities(ctx.actor, before, now).edit)
      throw forbidden(
        before.authorUserId !== ctx.user.id || before.deletedAt
          ? 'Only its author edits a message.'
          : 'A message can be edited for 10 minutes after it was posted; write a new one instead.',
      );
    assertExpectedVersion(expected, 'This message', before.version);
    const matching = versionsToMatch(expected);
    const [after] = await tx
      .update(messages)
      .set({ body, editedAt: now, version: sql`${messages.version} + 1` })
      .where(and(eq(messages.id, id), matching ? inArray(messages.version, matching) : undefined))
      .returning();
    if (!after) throw staleVersion('This message', before.version);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: after.organizationId,
      contractorId: after.contractorId,
      action: 'message.edited',
      entityType: 'message',
      entityId: id,
      before: { body: before.body },
      after: { body: after.body },
      ip: ctx.ip,
    });
    await announceMessage(tx, after, 'message.edited');
    const [view] = await presentMessages(tx, ctx.actor, thread, [after], now);
    return view as MessageView;
  });
}

/** Its author deletes a message: a "deleted" mark stays in the thread, the text and files leave it; the audit keeps the original. */
export async function deleteMessage(db: Db, ctx: RequestContext, id: string) {
  return runInTransaction(db, async (tx) => {
    const { row: before, thread } = await readMessageForUpdate(tx, ctx, id);
    const now = new Date();
    if (!messageAbilities(ctx.actor, before, now).delete)
      throw forbidden(before.deletedAt ? 'This message was already deleted.' : 'Only its author deletes a message.');
    const [after] = await tx
      .update(messages)
      .set({ body: '', deletedAt: now, version: sql`${messages.version} + 1` })
      .where(eq(messages.id, id))
      .returning();
    if (!after) throw new Error('message delete returned nothing');
    const files = await tx.delete(messageAttachments).where(eq(messageAttachments.messageId, id)).returning();
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: after.organizationId,
      contractorId: after.contractorId,
      action: 'message.deleted',
      entityType: 'message',
      entityId: id,
      before: { body: before.body, fileIds: files.map((f) => f.fileId) },
      ip: ctx.ip,
    });
    await announceMessage(tx, after, 'message.deleted');
    const [view] = await presentMessages(tx, ctx.actor, thread, [after], now);
    return view as MessageView;
  });
}

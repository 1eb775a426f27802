import { type JobEvent, jobMachine } from '../../../shared/domain/job.machine.ts';
import type { RequestContext } from '../../access/actor.ts';
import { mayFireJobEvent } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Db, Tx } from '../../db/client.ts';
import { jobDocuments, type jobs } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { jobLabel, tellJobCompany, tellJobContractor } from './jobs.notify.ts';
import { getJob } from './jobs.queries.ts';

type JobRow = typeof jobs.$inferSelect;

/**
 * Fires one job event in the caller's transaction: the job read and locked through the actor's
 * scope (404), the role (403), then the machine (409 with the current status), status history and
 * audit with it.
 */
export async function fireJobEvent(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  event: JobEvent,
  extra: { set?: Partial<typeof jobs.$inferInsert>; note?: string | null } = {},
): Promise<JobRow> {
  const current = await scoped(tx, ctx.actor).jobs.getForUpdate(id, 'This job');
  if (!mayFireJobEvent(ctx.actor, event)) throw forbidden(`You are not allowed to ${event.replaceAll('_', ' ')} jobs.`);
  return applyTransition(tx, {
    current,
    table: 'jobs',
    machine: jobMachine,
    event,
    id,
    by: { actor: ctx.actor, ip: ctx.ip },
    entityType: 'job',
    what: 'This job',
    set: extra.set,
    note: extra.note ?? null,
  });
}

/** Runs one event in its own transaction and answers the job as the actor now sees it. */
async function fireAndRead(db: Db, ctx: RequestContext, id: string, run: (tx: Tx) => Promise<unknown>) {
  await runInTransaction(db, run);
  return getJob(db, ctx, id);
}

async function acceptInTransaction(tx: Tx, ctx: RequestContext, id: string, targetOn: string | null): Promise<JobRow> {
  const row = await fireJobEvent(tx, ctx, id, 'accept', { set: { targetOn } });
  await tellJobCompany(
    tx,
    row,
    'job.accepted',
    `Accepted: ${jobLabel(row)}`,
    targetOn ? `Target date: ${targetOn}.` : 'No target date given yet.',
  );
  return row;
}

async function rejectInTransaction(tx: Tx, ctx: RequestContext, id: string, reason: string): Promise<JobRow> {
  const row = await fireJobEvent(tx, ctx, id, 'reject', { set: { rejectReason: reason }, note: reason });
  await tellJobCompany(tx, row, 'job.rejected', `Rejected: ${jobLabel(row)}`, `Reason: ${reason} Reassign it to a contractor.`);
  return row;
}

export const acceptJob = (db: Db, ctx: RequestContext, id: string, targetOn: string | null) =>
  fireAndRead(db, ctx, id, (tx) => acceptInTransaction(tx, ctx, id, targetOn));

export const rejectJob = (db: Db, ctx: RequestContext, id: string, reason: string) =>
  fireAndRead(db, ctx, id, (tx) => rejectInTransaction(tx, ctx, id, reason));

export const scheduleJob = (db: Db, ctx: RequestContext, id: string, scheduledOn: string) =>
  fireAndRead(db, ctx, id, (tx) => fireJobEvent(tx, ctx, id, 'schedule', { set: { scheduledOn } }));

/**
 * "Complete task": the contractor's invoice, report or quote (uploaded for the job's engagement)
 * and the actual on-site date → `performed`; the company is told to review it.
 */
export async function completeJob(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { performedOn: string; documents: Array<{ fileId: string; kind: 'invoice' | 'report' | 'quote' }> },
) {
  return fireAndRead(db, ctx, id, async (tx) => {
    const job = await scoped(tx, ctx.actor).jobs.getForUpdate(id, 'This job');
    if (!mayFireJobEvent(ctx.actor, 'complete')) throw forbidden('You are not allowed to complete jobs.');
    if (input.performedOn > new Date().toISOString().slice(0, 10))
      throw badField('performedOn', 'The on-site date cannot be in the future.');
    const seen = new Set<string>();
    for (const document of input.documents) {
      if (seen.has(document.fileId)) throw badField('documents', 'Each file is added once.');
      seen.add(document.fileId);
      await readAttachableFile(tx, ctx.actor, document.fileId, job);
    }
    const row = await fireJobEvent(tx, ctx, id, 'complete', { set: { performedOn: input.performedOn } });
    await tx
      .insert(jobDocuments)
      .values(
        input.documents.map((d) => ({
          id: createId(),
          jobId: id,
          organizationId: job.organizationId,
          contractorId: job.contractorId,
          fileId: d.fileId,
          side: 'contractor' as const,
          kind: d.kind,
          addedByUserId: ctx.user.id,
        })),
      )
      .onConflictDoNothing();
    const kinds = [...new Set(input.documents.map((d) => d.kind))].join(', ');
    await tellJobCompany(
      tx,
      row,
      'job.performed',
      `Performed: ${jobLabel(row)}`,
      `On site ${input.performedOn}. Documents: ${kinds}. Review it.`,
    );
    return row;
  });
}

export const closeJob = (db: Db, ctx: RequestContext, id: string, note: string | null) =>
  fireAndRead(db, ctx, id, async (tx) => {
    const row = await fireJobEvent(tx, ctx, id, 'close', { note });
    await tellJobContractor(
      tx,
      row,
      'job.closed',
      `Closed: ${jobLabel(row)}`,
      note ? `The company closed the job. Note: ${note}` : 'The company closed the job.',
    );
  });

export const sendBackJob = (db: Db, ctx: RequestContext, id: string, reason: string) =>
  fireAndRead(db, ctx, id, async (tx) => {
    const row = await fireJobEvent(tx, ctx, id, 'send_back', { set: { sendBackReason: reason }, note: reason });
    await tellJobContractor(tx, row, 'job.sent_back', `Sent back: ${jobLabel(row)}`, `A revisit is needed. Reason: ${reason}`);
  });

export const cancelJob = (db: Db, ctx: RequestContext, id: string, reason: string) =>
  fireAndRead(db, ctx, id, async (tx) => {
    const row = await fireJobEvent(tx, ctx, id, 'cancel', { set: { cancelReason: reason }, note: reason });
    await tellJobContractor(tx, row, 'job.cancelled', `Cancelled: ${jobLabel(row)}`, `Reason: ${reason}`);
  });

/** Archive: the contractor keeps read-only access (the job stays in its scope). */
export const archiveJob = (db: Db, ctx: RequestContext, id: string) =>
  fireAndRead(db, ctx, id, (tx) => fireJobEvent(tx, ctx, id, 'archive', { set: { archivedAt: new Date() } }));

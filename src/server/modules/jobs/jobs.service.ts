import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createJobSchema, jobFieldsSchema, updateJobSchema } from '../../../shared/schemas/job.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, jobAbilities, jobRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { type engagements, jobDocuments, jobs, jobTasks, jobTemplateTasks } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { badField } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { assignmentSummary, jobLabel, tellJobContractor } from './jobs.notify.ts';
import { getJob } from './jobs.queries.ts';

type EngagementRow = typeof engagements.$inferSelect;
type JobFields = z.output<typeof jobFieldsSchema>;
type TaskSpec = { title: string; resultRequired: boolean; defectsAllowed: boolean; photos: 'required' | 'optional' | 'none' };

/** The engagement a job goes on: visible to the actor, and active (the contractor accepted). */
export async function readActiveEngagement(tx: Tx, ctx: RequestContext, engagementId: string, field = 'engagementId') {
  const engagement = await scoped(tx, ctx.actor).engagements.find(engagementId);
  if (!engagement) throw badField(field, 'This engagement was not found.');
  if (engagement.status !== 'active') throw badField(field, `This engagement is ${engagement.status}: jobs go to active engagements only.`);
  return engagement;
}

/** A template's tasks, read through the organization's scope (400 on `templateId` when it is not the organization's). */
export async function readTemplateTasks(tx: Tx, ctx: RequestContext, templateId: string): Promise<TaskSpec[]> {
  const template = await scoped(tx, ctx.actor).jobTemplates.find(templateId);
  if (!template) throw badField('templateId', 'This template was not found.');
  const rows = await tx.select().from(jobTemplateTasks).where(eq(jobTemplateTasks.templateId, template.id));
  return rows
    .sort((a, b) => a.position - b.position)
    .map(({ title, resultRequired, defectsAllowed, photos }) => ({ title, resultRequired, defectsAllowed, photos }));
}

/**
 * Numbers jobs per organization: the next numbers after the highest, under a transaction-scoped
 * advisory lock on the organization, so that two creations never take the same number.
 */
export async function allocateJobNumbers(tx: Tx, organizationId: string, count: number): Promise<number[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`jobs:${organizationId}`}))`);
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${jobs.number}), 0)::int` })
    .from(jobs)
    .where(eq(jobs.organizationId, organizationId));
  const last = Number(row?.last ?? 0);
  return Array.from({ length: count }, (_, i) => last + i + 1);
}

export interface NewJob {
  fields: JobFields;
  engagement: EngagementRow;
  tasks: TaskSpec[];
  fileIds: string[];
}

/**
 * Inserts jobs (status `assigned`), their tasks and documents, with one audit event each, in the
 * caller's transaction; statements per table, not per job, so an import of thousands stays quick.
 */
export async function insertJobs(tx: Tx, ctx: RequestContext, organizationId: string, items: NewJob[], source: 'form' | 'csv') {
  if (items.length === 0) return [];
  const numbers = await allocateJobNumbers(tx, organizationId, items.length);
  const now = new Date();
  const rows = items.map((item, i) => ({
    id: createId(),
    organizationId,
    contractorId: item.engagement.contractorId,
    engagementId: item.engagement.id,
    number: numbers[i]!,
    ...item.fields,
    status: 'assigned' as const,
    createdByUserId: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  }));
  const inserted: Array<typeof jobs.$inferSelect> = [];
  for (let i = 0; i < rows.length; i += 1000)
    inserted.push(
      ...(await tx
        .insert(jobs)
        .values(rows.slice(i, i + 1000))
        .returning()),
    );
  const taskRows = inserted.flatMap((job, i) =>
    items[i]!.tasks.map((task, position) => ({
      id: createId(),
      jobId: job.id,
      organizationId,
      contractorId: job.contractorId,
      position: position + 1,
      ...task,
    })),
  );
  for (let i = 0; i < taskRows.length; i += 1000) await tx.insert(jobTasks).values(taskRows.slice(i, i + 1000));
  const documentRows = inserted.flatMap((job, i) =>
    items[i]!.fileIds.map((fileId) => ({
      id: createId(),
      jobId: job.id,
      organizationId,
      contractorId: job.contractorId,
      fileId,
      side: 'company' as const,
      kind: 'document' as const,
      addedByUserId: ctx.user.id,
    })),
  );
  if (documentRows.length > 0) await tx.insert(jobDocuments).values(documentRows);
  for (const job of inserted)
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId,
      contractorId: job.contractorId,
      action: 'job.created',
      entityType: 'job',
      entityId: job.id,
      after: { number: job.number, siteName: job.siteName, dueOn: job.dueOn, engagementId: job.engagementId, status: job.status, source },
      ip: ctx.ip,
    });
  return inserted;
}

/** Create a job on an active engagement (assigning it to its contractor), from a template, with documents. */
export async function createJob(db: Db, ctx: RequestContext, input: z.output<typeof createJobSchema>) {
  const [job] = await createJobs(db, ctx, [input]);
  return getJob(db, ctx, job!.id);
}

/**
 * Creates several jobs in one transaction, each as `createJob` would (its engagement active and in
 * the actor's scope, its template's tasks, its documents checked, its contractor told), with one
 * read per distinct engagement and template and the inserts per table (`insertJobs`). Returns the
 * rows in the order of `inputs`.
 */
export async function createJobs(db: Db, ctx: RequestContext, inputs: ReadonlyArray<z.output<typeof createJobSchema>>) {
  assertAllowed(jobRoleAbilities(ctx.actor), 'create');
  return runInTransaction(db, async (tx) => {
    const engagements = new Map<string, EngagementRow>();
    for (const id of new Set(inputs.map((input) => input.engagementId))) engagements.set(id, await readActiveEngagement(tx, ctx, id));
    const tasksByTemplate = new Map<string, TaskSpec[]>();
    for (const id of new Set(inputs.flatMap((input) => (input.templateId ? [input.templateId] : []))))
      tasksByTemplate.set(id, await readTemplateTasks(tx, ctx, id));
    const items: NewJob[] = [];
    for (const { engagementId, templateId, fileIds: sent, ...fields } of inputs) {
      const engagement = engagements.get(engagementId)!;
      const fileIds = [...new Set(sent)];
      for (const fileId of fileIds) await readAttachableFile(tx, ctx.actor, fileId, engagement);
      items.push({ fields, engagement, tasks: templateId ? tasksByTemplate.get(templateId)! : [], fileIds });
    }
    const organizationId = items[0]?.engagement.organizationId;
    // The actor's scope holds one organization's engagements: the numbers are that organization's.
    if (items.some((item) => item.engagement.organizationId !== organizationId)) throw new Error('jobs of one organization at a time');
    const created = organizationId ? await insertJobs(tx, ctx, organizationId, items, 'form') : [];
    for (const job of created) await tellJobContractor(tx, job, 'job.assigned', `New job: ${jobLabel(job)}`, assignmentSummary(job));
    return created;
  });
}

/** The company edits a job's details (If-Match); the contractor hears what changed. */
export async function updateJob(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof updateJobSchema>,
  expected: ExpectedVersion,
) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).jobs.getForUpdate(id, 'This job');
    assertAllowed(jobAbilities(ctx.actor, current), 'edit');
    assertExpectedVersion(expected, 'This job', current.version);
    const changed = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key as keyof typeof current]),
      ),
    );
    const po = { poAmountMinor: current.poAmountMinor, poCurrency: current.poCurrency, ...changed };
    if ((po.poAmountMinor === null) !== (po.poCurrency === null))
      throw badField('poCurrency', 'Give the purchase order amount and its currency together, or neither.');
    if (Object.keys(changed).length === 0) return;
    const matching = versionsToMatch(expected);
    const [updated] = await tx
      .update(jobs)
      .set({ ...changed, version: sql`${jobs.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jobs.id, id), matching ? inArray(jobs.version, matching) : undefined))
      .returning();
    if (!updated) throw staleVersion('This job', current.version);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'job.updated',
      entityType: 'job',
      entityId: id,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof typeof current]])),
      after: changed,
      ip: ctx.ip,
    });
    await tellJobContractor(tx, updated, 'job.edited', `Job changed: ${jobLabel(updated)}`, `Changed: ${Object.keys(changed).join(', ')}.`);
  });
  return getJob(db, ctx, id);
}

/** The company adds documents for the contractor (uploaded for the job's engagement first). */
export async function addJobDocuments(db: Db, ctx: RequestContext, id: string, fileIds: string[]) {
  await runInTransaction(db, async (tx) => {
    const job = await scoped(tx, ctx.actor).jobs.get(id, 'This job');
    assertAllowed(jobAbilities(ctx.actor, job), 'manageDocuments');
    const unique = [...new Set(fileIds)];
    for (const fileId of unique) await readAttachableFile(tx, ctx.actor, fileId, job);
    const added = await tx
      .insert(jobDocuments)
      .values(
        unique.map((fileId) => ({
          id: createId(),
          jobId: id,
          organizationId: job.organizationId,
          contractorId: job.contractorId,
          fileId,
          side: 'company' as const,
          kind: 'document' as const,
          addedByUserId: ctx.user.id,
        })),
      )
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) return;
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      action: 'job.documents_added',
      entityType: 'job',
      entityId: id,
      after: { fileIds: added.map((d) => d.fileId) },
      ip: ctx.ip,
    });
    await tellJobContractor(
      tx,
      job,
      'job.documents',
      `New documents: ${jobLabel(job)}`,
      `${added.length} document(s) added by the company.`,
    );
  });
  return getJob(db, ctx, id);
}

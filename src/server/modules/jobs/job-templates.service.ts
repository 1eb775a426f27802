import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { jobTemplateInputSchema } from '../../../shared/schemas/job.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, jobRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { jobTemplates, jobTemplateTasks } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { PageRequest } from '../../lib/pagination.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { presentTemplate } from './jobs.presenter.ts';

type TemplateInput = z.output<typeof jobTemplateInputSchema>;

function organizationOf(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'staff') throw forbidden('Templates belong to an organization.');
  return ctx.actor.organizationId;
}

async function tasksOf(db: Executor, templateIds: string[]) {
  if (templateIds.length === 0) return [];
  return db.select().from(jobTemplateTasks).where(inArray(jobTemplateTasks.templateId, templateIds));
}

async function writeTasks(tx: Tx, templateId: string, organizationId: string, tasks: TemplateInput['tasks']) {
  await tx.delete(jobTemplateTasks).where(eq(jobTemplateTasks.templateId, templateId));
  if (tasks.length > 0)
    await tx
      .insert(jobTemplateTasks)
      .values(tasks.map((task, i) => ({ id: createId(), templateId, organizationId, position: i + 1, ...task })));
}

/** The organization's templates, newest first, each with its tasks (two statements per page). */
export async function listJobTemplates(db: Db, ctx: RequestContext, request: PageRequest) {
  const page = await scoped(db, ctx.actor).jobTemplates.page(request);
  const tasks = await tasksOf(
    db,
    page.items.map((t) => t.id),
  );
  const manage = jobRoleAbilities(ctx.actor).manageTemplates;
  return {
    items: page.items.map((t) =>
      presentTemplate(
        t,
        tasks.filter((task) => task.templateId === t.id),
        manage,
      ),
    ),
    nextCursor: page.nextCursor,
    abilities: { create: manage },
  };
}

export async function getJobTemplate(db: Executor, ctx: RequestContext, id: string) {
  const template = await scoped(db, ctx.actor).jobTemplates.get(id, 'This template');
  return presentTemplate(template, await tasksOf(db, [id]), jobRoleAbilities(ctx.actor).manageTemplates);
}

export async function createJobTemplate(db: Db, ctx: RequestContext, input: TemplateInput) {
  assertAllowed(jobRoleAbilities(ctx.actor), 'manageTemplates');
  const organizationId = organizationOf(ctx);
  const id = createId();
  await runInTransaction(db, async (tx) => {
    await tx
      .insert(jobTemplates)
      .values({ id, organizationId, name: input.name, description: input.description, createdByUserId: ctx.user.id });
    await writeTasks(tx, id, organizationId, input.tasks);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId,
      action: 'job_template.created',
      entityType: 'job_template',
      entityId: id,
      after: { name: input.name, tasks: input.tasks.length },
      ip: ctx.ip,
    });
  });
  return getJobTemplate(db, ctx, id);
}

/** Replaces a template's name, description and tasks (If-Match). Jobs already created keep the tasks they copied. */
export async function updateJobTemplate(db: Db, ctx: RequestContext, id: string, input: TemplateInput, expected: ExpectedVersion) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).jobTemplates.getForUpdate(id, 'This template');
    assertAllowed(jobRoleAbilities(ctx.actor), 'manageTemplates');
    assertExpectedVersion(expected, 'This template', current.version);
    const matching = versionsToMatch(expected);
    const [updated] = await tx
      .update(jobTemplates)
      .set({ name: input.name, description: input.description, version: sql`${jobTemplates.version} + 1`, updatedAt: new Date() })
      .where(and(eq(jobTemplates.id, id), matching ? inArray(jobTemplates.version, matching) : undefined))
      .returning();
    if (!updated) throw staleVersion('This template', current.version);
    await writeTasks(tx, id, current.organizationId, input.tasks);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      action: 'job_template.updated',
      entityType: 'job_template',
      entityId: id,
      before: { name: current.name },
      after: { name: input.name, tasks: input.tasks.length },
      ip: ctx.ip,
    });
  });
  return getJobTemplate(db, ctx, id);
}

export async function deleteJobTemplate(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).jobTemplates.getForUpdate(id, 'This template');
    assertAllowed(jobRoleAbilities(ctx.actor), 'manageTemplates');
    await tx.delete(jobTemplates).where(eq(jobTemplates.id, id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      action: 'job_template.deleted',
      entityType: 'job_template',
      entityId: id,
      before: { name: current.name },
      ip: ctx.ip,
    });
  });
}

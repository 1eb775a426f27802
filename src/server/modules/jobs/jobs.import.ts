import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, jobRoleAbilities } from '../../access/policies.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Tx } from '../../db/client.ts';
import { contractors, engagements, jobTemplates, jobTemplateTasks } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { forbidden } from '../../lib/errors.ts';
import { JOB_IMPORT_MAX_LISTED, parseJobCsv, type RowProblem, type ValidatedRow, validateCsvRow } from './jobs.csv.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds } from '../organizations/organizations.service.ts';
import { insertJobs, type NewJob } from './jobs.service.ts';

type EngagementRow = typeof engagements.$inferSelect;
type TaskSpec = NewJob['tasks'][number];

/** The organization's active engagements, by id and by contractor name (lower case), and its templates by name. */
async function readTargets(tx: Tx, ctx: RequestContext) {
  const active = await tx
    .select({ engagement: engagements, contractorName: contractors.name })
    .from(engagements)
    .innerJoin(contractors, eq(contractors.id, engagements.contractorId))
    .where(and(scopes.engagements(ctx.actor), eq(engagements.status, 'active')));
  const byId = new Map(active.map((a) => [a.engagement.id, a.engagement]));
  const byName = new Map<string, EngagementRow[]>();
  for (const a of active) byName.set(a.contractorName.toLowerCase(), [...(byName.get(a.contractorName.toLowerCase()) ?? []), a.engagement]);
  const templates = await tx.select().from(jobTemplates).where(scopes.jobTemplates(ctx.actor));
  const tasks = templates.length
    ? await tx
        .select()
        .from(jobTemplateTasks)
        .where(
          inArray(
            jobTemplateTasks.templateId,
            templates.map((t) => t.id),
          ),
        )
    : [];
  const templateTasks = new Map<string, TaskSpec[]>(
    templates.map((t) => [
      t.name.toLowerCase(),
      tasks
        .filter((task) => task.templateId === t.id)
        .sort((a, b) => a.position - b.position)
        .map(({ title, resultRequired, defectsAllowed, photos }) => ({ title, resultRequired, defectsAllowed, photos })),
    ]),
  );
  return { byId, byName, templateTasks };
}

type Targets = Awaited<ReturnType<typeof readTargets>>;

function resolve(row: ValidatedRow, targets: Targets): NewJob | RowProblem[] {
  const problems: RowProblem[] = [];
  let engagement: EngagementRow | undefined;
  if (row.engagementId) {
    engagement = targets.byId.get(row.engagementId);
    if (!engagement)
      problems.push({
        column: 'engagement_id',
        reason: `engagement_id "${row.engagementId.slice(0, 60)}" is not an active engagement of your organization.`,
      });
  } else if (row.contractor) {
    const matches = targets.byName.get(row.contractor.toLowerCase()) ?? [];
    if (matches.length === 0)
      problems.push({ column: 'contractor', reason: `No active contractor named "${row.contractor.slice(0, 100)}".` });
    else if (matches.length > 1)
      problems.push({
        column: 'contractor',
        reason: `Several contractors are named "${row.contractor.slice(0, 100)}": use engagement_id.`,
      });
    else engagement = matches[0];
  }
  const tasks = row.template ? targets.templateTasks.get(row.template.toLowerCase()) : [];
  if (!tasks) problems.push({ column: 'template', reason: `No template named "${row.template!.slice(0, 100)}".` });
  if (problems.length > 0 || !engagement || !tasks) return problems;
  return { fields: row.fields, engagement, tasks, fileIds: [] };
}

/**
 * CSV import. `preview` writes nothing and lists every refused row with its problems (column and reason); `import`
 * writes the accepted rows in one transaction (all or none: a failure rolls every row back) and
 * tells each contractor once about its new jobs.
 */
export async function importJobsCsv(db: Db, ctx: RequestContext, text: string, mode: 'preview' | 'import') {
  assertAllowed(jobRoleAbilities(ctx.actor), 'import');
  if (ctx.actor.kind !== 'staff') throw forbidden();
  const organizationId = ctx.actor.organizationId;
  const rows = parseJobCsv(text);
  return runInTransaction(db, async (tx) => {
    const targets = await readTargets(tx, ctx);
    const refused: Array<{ row: number; problems: RowProblem[] }> = [];
    const accepted: NewJob[] = [];
    for (const raw of rows) {
      const checked = validateCsvRow(raw);
      if ('problems' in checked) {
        refused.push(checked);
        continue;
      }
      const resolved = resolve(checked, targets);
      if (Array.isArray(resolved)) refused.push({ row: checked.row, problems: resolved });
      else accepted.push(resolved);
    }
    let imported = 0;
    if (mode === 'import' && accepted.length > 0) {
      const inserted = await insertJobs(tx, ctx, organizationId, accepted, 'csv');
      imported = inserted.length;
      const perContractor = new Map<string, number>();
      for (const job of inserted) perContractor.set(job.contractorId, (perContractor.get(job.contractorId) ?? 0) + 1);
      for (const [contractorId, count] of perContractor)
        await notify(tx, {
          userIds: selectContractorMemberUserIds(tx, contractorId),
          organizationId,
          contractorId,
          type: 'job.assigned',
          title: `${count} new job${count > 1 ? 's' : ''} assigned`,
          body: 'Open your jobs to accept or reject them.',
          link: '/portal/jobs',
        });
    }
    return {
      mode: mode === 'import' ? ('imported' as const) : ('preview' as const),
      totalRows: rows.length,
      accepted: accepted.length,
      refused: refused.slice(0, JOB_IMPORT_MAX_LISTED),
      refusedCount: refused.length,
      imported,
    };
  });
}

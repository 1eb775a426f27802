import { isJobOverdue } from '../../../shared/domain/job.machine.ts';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import type { Actor } from '../../access/actor.ts';
import { jobAbilities } from '../../access/policies.ts';
import type { files, jobDocuments, jobs, jobTasks, jobTemplates, jobTemplateTasks } from '../../db/schema/index.ts';
import { presentFile } from '../files/files.service.ts';

type JobRow = typeof jobs.$inferSelect;

export interface JobListRow {
  job: JobRow;
  organizationName: string;
  organizationTimeZone: string;
  contractorName: string;
}

/** A job in the API's shape, with what the actor may do with it; overdue is counted in the organization's calendar. */
export function presentJob(actor: Actor, row: JobListRow, now: Date) {
  const j = row.job;
  return {
    id: j.id,
    number: j.number,
    status: j.status,
    siteName: j.siteName,
    siteAddress: j.siteAddress,
    description: j.description,
    dueOn: j.dueOn,
    priority: j.priority,
    poNumber: j.poNumber,
    poAmountMinor: j.poAmountMinor,
    poCurrency: j.poCurrency,
    accessDetails: j.accessDetails,
    requiredAccreditations: j.requiredAccreditations,
    targetOn: j.targetOn,
    scheduledOn: j.scheduledOn,
    performedOn: j.performedOn,
    rejectReason: j.rejectReason,
    cancelReason: j.cancelReason,
    sendBackReason: j.sendBackReason,
    overdue: isJobOverdue(j, todayIn(row.organizationTimeZone, now)),
    version: j.version,
    engagementId: j.engagementId,
    organization: { id: j.organizationId, name: row.organizationName },
    contractor: { id: j.contractorId, name: row.contractorName },
    archivedAt: j.archivedAt?.toISOString() ?? null,
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    abilities: jobAbilities(actor, j),
  };
}

export function presentTask(t: typeof jobTasks.$inferSelect) {
  return {
    id: t.id,
    position: t.position,
    title: t.title,
    resultRequired: t.resultRequired,
    defectsAllowed: t.defectsAllowed,
    photos: t.photos,
    result: t.result,
    remarks: t.remarks,
    answeredAt: t.answeredAt?.toISOString() ?? null,
  };
}

export function presentDocument(row: { document: typeof jobDocuments.$inferSelect; file: typeof files.$inferSelect }) {
  return {
    id: row.document.id,
    side: row.document.side,
    kind: row.document.kind,
    file: presentFile(row.file),
    addedAt: row.document.createdAt.toISOString(),
  };
}

export function presentTemplate(
  template: typeof jobTemplates.$inferSelect,
  tasks: Array<typeof jobTemplateTasks.$inferSelect>,
  manage: boolean,
) {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    version: template.version,
    tasks: tasks
      .sort((a, b) => a.position - b.position)
      .map((t) => ({
        position: t.position,
        title: t.title,
        resultRequired: t.resultRequired,
        defectsAllowed: t.defectsAllowed,
        photos: t.photos,
      })),
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
    abilities: { edit: manage, delete: manage },
  };
}

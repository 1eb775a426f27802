import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { jobs, technicians } from '../../db/schema/index.ts';
import { notify } from '../notifications/notifications.service.ts';

export interface TechnicianAssignment {
  technicianId: string;
  jobId: string;
}

/** How many jobs one notification names; the rest are counted. */
export const ASSIGNED_JOBS_LISTED = 20;

function describeJob(job: { number: number; siteName: string; scheduledOn: string | null }): string {
  return `Job ${job.number}, ${job.siteName}${job.scheduledOn ? ` (scheduled ${job.scheduledOn})` : ''}`;
}

interface CrewMember {
  id: string;
  userId: string;
  contractorId: string;
}
interface AssignedJob {
  id: string;
  contractorId: string;
  number: number;
  siteName: string;
  scheduledOn: string | null;
}

/**
 * Tells each technician about the jobs just assigned to them: ONE notification per technician
 * for the whole batch (a bulk edit of 500 jobs is one email, not 500), listing their jobs, in
 * the caller's transaction. Removed technicians and duplicate pairs are skipped. Returns how
 * many technicians were told.
 */
export async function notifyTechniciansAssigned(tx: Executor, assignments: readonly TechnicianAssignment[]): Promise<number> {
  if (assignments.length === 0) return 0;
  const crew = await tx
    .select({ id: technicians.id, userId: technicians.userId, contractorId: technicians.contractorId })
    .from(technicians)
    .where(and(inArray(technicians.id, [...new Set(assignments.map((a) => a.technicianId))]), isNull(technicians.removedAt)));
  const jobRows = await tx
    .select({ id: jobs.id, contractorId: jobs.contractorId, number: jobs.number, siteName: jobs.siteName, scheduledOn: jobs.scheduledOn })
    .from(jobs)
    .where(inArray(jobs.id, [...new Set(assignments.map((a) => a.jobId))]));
  return announceAssignments(tx, crew, jobRows, assignments);
}

/**
 * The same notice from rows the caller already holds (the desk's bulk edit has the crew and the
 * locked jobs): no read, one notification per technician. `crew` must hold only current members.
 */
export async function announceAssignments(
  tx: Executor,
  crew: readonly CrewMember[],
  jobRows: readonly AssignedJob[],
  assignments: readonly TechnicianAssignment[],
): Promise<number> {
  const byTechnician = new Map<string, Set<string>>();
  for (const a of assignments) byTechnician.set(a.technicianId, (byTechnician.get(a.technicianId) ?? new Set()).add(a.jobId));
  const ordered = [...jobRows].sort((a, b) => (a.scheduledOn ?? '9999').localeCompare(b.scheduledOn ?? '9999') || a.number - b.number);
  let told = 0;
  for (const technician of crew) {
    const theirs = byTechnician.get(technician.id);
    if (!theirs) continue;
    // Only jobs of the technician's own contractor are ever named to them.
    const listed = ordered.filter((j) => theirs.has(j.id) && j.contractorId === technician.contractorId);
    if (listed.length === 0) continue;
    const only = listed.length === 1 ? listed[0] : undefined;
    const lines = listed.slice(0, ASSIGNED_JOBS_LISTED).map(describeJob);
    if (listed.length > ASSIGNED_JOBS_LISTED) lines.push(`and ${listed.length - ASSIGNED_JOBS_LISTED} more`);
    await notify(tx, {
      userIds: [technician.userId],
      contractorId: technician.contractorId,
      type: 'job.technician_assigned',
      title: only ? `Job ${only.number} is assigned to you` : `${listed.length} jobs are assigned to you`,
      body: `${lines.join('; ')}. Open My jobs for the address, access details and documents.`,
      link: only ? `/tech/jobs/${only.id}` : '/tech/jobs',
    });
    told++;
  }
  return told;
}

/** Whether a technician id names someone in this contractor's crew right now (for services that assign). */
export async function listCrewIds(tx: Executor, contractorId: string, technicianIds: readonly string[]): Promise<Set<string>> {
  if (technicianIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: technicians.id })
    .from(technicians)
    .where(and(eq(technicians.contractorId, contractorId), inArray(technicians.id, [...technicianIds]), isNull(technicians.removedAt)));
  return new Set(rows.map((r) => r.id));
}

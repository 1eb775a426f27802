import { sql } from 'drizzle-orm';
import type { AccreditationType } from '../../shared/domain/accreditations.ts';
import type { JobStatus } from '../../shared/domain/job.machine.ts';
import { jobTechnicians, jobs, technicianAccreditations, technicians, users } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import type { TestApp } from './test-app.ts';
import { type Persona, signIn } from './world.ts';

/** A job row set straight into the database (the scene of a test, not the jobs module's work). */
export async function insertJob(
  t: TestApp,
  input: {
    organizationId: string;
    contractorId: string;
    engagementId: string;
    createdByUserId: string;
    status?: JobStatus;
    scheduledOn?: string | null;
    dueOn?: string;
    requiredAccreditations?: AccreditationType[];
    siteName?: string;
    accessDetails?: string;
  },
): Promise<{ id: string; number: number }> {
  const id = createId();
  const [row] = await t.db
    .insert(jobs)
    .values({
      id,
      organizationId: input.organizationId,
      contractorId: input.contractorId,
      engagementId: input.engagementId,
      number: sql`(select coalesce(max(number), 0) + 1 from jobs where organization_id = ${input.organizationId})`,
      siteName: input.siteName ?? `Site ${id.slice(0, 6)}`,
      siteAddress: '1 Test Street, Testville',
      description: 'Test the fire panel',
      dueOn: input.dueOn ?? '2027-01-31',
      status: input.status ?? 'scheduled',
      scheduledOn: input.scheduledOn === undefined ? '2026-12-10' : input.scheduledOn,
      requiredAccreditations: input.requiredAccreditations ?? [],
      accessDetails: input.accessDetails ?? 'Gate code 4321',
      createdByUserId: input.createdByUserId,
    })
    .returning({ id: jobs.id, number: jobs.number });
  return row!;
}

/** Puts a technician on a job, as the jobs module would. */
export async function assignJob(
  t: TestApp,
  job: { id: string },
  scene: { organizationId: string; contractorId: string; technicianId: string; byUserId: string },
): Promise<void> {
  await t.db.insert(jobTechnicians).values({
    id: createId(),
    jobId: job.id,
    organizationId: scene.organizationId,
    contractorId: scene.contractorId,
    technicianId: scene.technicianId,
    assignedByUserId: scene.byUserId,
  });
}

export async function insertAccreditation(
  t: TestApp,
  input: { contractorId: string; technicianId: string; type: AccreditationType; expiresOn: string | null },
): Promise<string> {
  const id = createId();
  await t.db.insert(technicianAccreditations).values({ id, ...input, number: `N-${id.slice(0, 4)}` });
  return id;
}

/** Another technician of a contractor, signed in (the world has one per contractor). */
export async function addTechnicianPersona(t: TestApp, contractorId: string, label: string): Promise<Persona & { technicianId: string }> {
  const userId = createId();
  const email = `${label}.${userId.slice(0, 8)}@example.test`;
  await t.db.insert(users).values({ id: userId, email, name: label, emailVerified: true });
  const technicianId = createId();
  await t.db.insert(technicians).values({ id: technicianId, contractorId, userId });
  return { userId, email, cookie: await signIn(t, email), context: `technician:${technicianId}`, technicianId };
}

/** The technician id behind a persona of the world (its context key). */
export function technicianIdOf(persona: Persona): string {
  return persona.context.replace(/^technician:/, '');
}

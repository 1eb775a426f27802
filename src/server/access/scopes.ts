import { and, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  auditEvents,
  contractorMembers,
  contractRevisions,
  contracts,
  emails,
  engagements,
  files,
  invitations,
  jobDocuments,
  jobSignoffs,
  jobSiteVisits,
  jobs,
  jobTaskDefects,
  jobTaskPhotos,
  jobTasks,
  jobTechnicians,
  jobTemplates,
  invoices,
  milestoneSubmissions,
  milestones,
  notifications,
  paymentBatches,
  paymentNotes,
  payments,
  sitePreferences,
  staffMembers,
  technicianAccreditations,
  technicians,
} from '../db/schema/index.ts';
import type { Actor } from './actor.ts';

type TechnicianActor = Extract<Actor, { kind: 'technician' }>;

/** The job (by its id column) is assigned to this technician: one indexed probe of job_technicians. */
export function assignedToTechnician(actor: TechnicianActor, jobId: PgColumn): SQL {
  return exists(
    sql`(select 1 from ${jobTechnicians} where ${jobTechnicians.jobId} = ${jobId} and ${jobTechnicians.technicianId} = ${actor.technicianId} and ${jobTechnicians.contractorId} = ${actor.contractorId})`,
  );
}

/** A file the company put on a job assigned to this technician (its documents, in the tech view). */
function technicianSeesJobFile(actor: TechnicianActor, fileId: PgColumn): SQL {
  return exists(
    sql`(select 1 from ${jobDocuments} join ${jobTechnicians} on ${jobTechnicians.jobId} = ${jobDocuments.jobId}
      where ${jobDocuments.fileId} = ${fileId} and ${jobDocuments.side} = 'company'
        and ${jobTechnicians.technicianId} = ${actor.technicianId} and ${jobTechnicians.contractorId} = ${actor.contractorId})`,
  );
}

const nothing = sql`false`;

/**
 * Rows that belong to an engagement: staff see their organization's, contractor members their
 * contractor's (for every organization), technicians none of them.
 */
export function byParties(actor: Actor, table: { organizationId: PgColumn; contractorId: PgColumn }): SQL {
  if (actor.kind === 'staff') return eq(table.organizationId, actor.organizationId);
  if (actor.kind === 'contractor') return eq(table.contractorId, actor.contractorId);
  return nothing;
}

/** A row of a job's site work: the job's parties, or a technician assigned to the job. */
function onJobOf(actor: Actor, table: { jobId: PgColumn; organizationId: PgColumn; contractorId: PgColumn }): SQL {
  if (actor.kind === 'technician') return and(eq(table.contractorId, actor.contractorId), assignedToTechnician(actor, table.jobId)) as SQL;
  return byParties(actor, table);
}

/**
 * Visibility: one SQL condition per tenant table for an actor. Every read of tenant data
 * goes through these; a row outside the condition does not exist for that actor.
 */
export const scopes = {
  engagements(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(engagements.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(engagements.contractorId, actor.contractorId);
    return nothing;
  },
  staffMembers(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(staffMembers.organizationId, actor.organizationId);
    return nothing;
  },
  contractorMembers(actor: Actor): SQL {
    if (actor.kind === 'contractor') return eq(contractorMembers.contractorId, actor.contractorId);
    return nothing;
  },
  technicians(actor: Actor): SQL {
    if (actor.kind === 'contractor') return eq(technicians.contractorId, actor.contractorId);
    if (actor.kind === 'technician') return eq(technicians.id, actor.technicianId);
    return nothing;
  },
  invitations(actor: Actor): SQL {
    if (actor.kind === 'staff')
      return and(eq(invitations.organizationId, actor.organizationId), inArray(invitations.kind, ['staff', 'contractor'])) as SQL;
    if (actor.kind === 'contractor' && actor.role === 'admin')
      return and(eq(invitations.contractorId, actor.contractorId), inArray(invitations.kind, ['contractor_member', 'technician'])) as SQL;
    return nothing;
  },
  auditEvents(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(auditEvents.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(auditEvents.contractorId, actor.contractorId);
    return nothing;
  },
  files(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(files.organizationId, actor.organizationId);
    if (actor.kind === 'contractor') return eq(files.contractorId, actor.contractorId);
    if (actor.kind === 'technician') return or(eq(files.uploadedByUserId, actor.userId), technicianSeesJobFile(actor, files.id)) as SQL;
    return nothing;
  },
  /** Emails about an organization: its staff (the delivery page is for owners and admins: a policy). */
  emails(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(emails.organizationId, actor.organizationId);
    return nothing;
  },
  notifications(actor: Actor): SQL {
    return eq(notifications.userId, actor.userId);
  },
  contracts(actor: Actor): SQL {
    return byParties(actor, contracts);
  },
  contractRevisions(actor: Actor): SQL {
    return byParties(actor, contractRevisions);
  },
  milestones(actor: Actor): SQL {
    return byParties(actor, milestones);
  },
  milestoneSubmissions(actor: Actor): SQL {
    return byParties(actor, milestoneSubmissions);
  },
  payments(actor: Actor): SQL {
    return byParties(actor, payments);
  },
  invoices(actor: Actor): SQL {
    return byParties(actor, invoices);
  },
  /** Dispute notes: both parties of the payment. */
  paymentNotes(actor: Actor): SQL {
    return byParties(actor, paymentNotes);
  },
  /** Batches span contractors: the organization's staff only (a contractor sees its own payments of a batch). */
  paymentBatches(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(paymentBatches.organizationId, actor.organizationId);
    return nothing;
  },
  /** Jobs: staff their organization's, members their contractor's, a technician only the jobs assigned to them. */
  jobs(actor: Actor): SQL {
    if (actor.kind === 'technician') return and(eq(jobs.contractorId, actor.contractorId), assignedToTechnician(actor, jobs.id)) as SQL;
    return byParties(actor, jobs);
  },
  jobTechnicians(actor: Actor): SQL {
    if (actor.kind === 'technician')
      return and(eq(jobTechnicians.contractorId, actor.contractorId), assignedToTechnician(actor, jobTechnicians.jobId)) as SQL;
    return byParties(actor, jobTechnicians);
  },
  jobTasks(actor: Actor): SQL {
    if (actor.kind === 'technician')
      return and(eq(jobTasks.contractorId, actor.contractorId), assignedToTechnician(actor, jobTasks.jobId)) as SQL;
    return byParties(actor, jobTasks);
  },
  /** A technician sees the company's documents of their jobs, not the contractor's invoices, reports or quotes. */
  jobDocuments(actor: Actor): SQL {
    if (actor.kind === 'technician')
      return and(
        eq(jobDocuments.contractorId, actor.contractorId),
        eq(jobDocuments.side, 'company'),
        assignedToTechnician(actor, jobDocuments.jobId),
      ) as SQL;
    return byParties(actor, jobDocuments);
  },
  /** What was found and done on site (issue 10): both parties of the job, and the technicians assigned to it. */
  jobTaskDefects(actor: Actor): SQL {
    return onJobOf(actor, jobTaskDefects);
  },
  jobTaskPhotos(actor: Actor): SQL {
    return onJobOf(actor, jobTaskPhotos);
  },
  jobSiteVisits(actor: Actor): SQL {
    return onJobOf(actor, jobSiteVisits);
  },
  jobSignoffs(actor: Actor): SQL {
    return onJobOf(actor, jobSignoffs);
  },
  /** A person's own preferences, for the contractor they act for. */
  sitePreferences(actor: Actor): SQL {
    if (actor.kind === 'contractor' || actor.kind === 'technician')
      return and(eq(sitePreferences.userId, actor.userId), eq(sitePreferences.contractorId, actor.contractorId)) as SQL;
    return nothing;
  },
  /** Templates are the organization's own: staff only. */
  jobTemplates(actor: Actor): SQL {
    if (actor.kind === 'staff') return eq(jobTemplates.organizationId, actor.organizationId);
    return nothing;
  },
  /** A contractor's members see its technicians' accreditations; a technician their own. */
  technicianAccreditations(actor: Actor): SQL {
    if (actor.kind === 'contractor') return eq(technicianAccreditations.contractorId, actor.contractorId);
    if (actor.kind === 'technician')
      return and(
        eq(technicianAccreditations.contractorId, actor.contractorId),
        eq(technicianAccreditations.technicianId, actor.technicianId),
      ) as SQL;
    return nothing;
  },
} satisfies Record<string, (actor: Actor) => SQL>;

export type ScopedTable = keyof typeof scopes;

/**
 * A contractor's business details (`contractor_profiles`, one row per contractor, no id): its own
 * members, and the staff of an organization that engages it (they pay it), never anyone else.
 */
export function contractorProfileScope(actor: Actor, contractorId: PgColumn): SQL {
  if (actor.kind === 'contractor') return eq(contractorId, actor.contractorId);
  if (actor.kind === 'staff')
    return sql`${contractorId} in (select ${engagements.contractorId} from ${engagements} where ${engagements.organizationId} = ${actor.organizationId} and ${engagements.status} <> 'invited')`;
  return nothing;
}

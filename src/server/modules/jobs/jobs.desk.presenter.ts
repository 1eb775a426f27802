import type { JobPriority } from '../../../shared/domain/accreditations.ts';
import { isJobOverdue, type JobStatus } from '../../../shared/domain/job.machine.ts';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import type { DeskJob } from '../../../shared/schemas/job-desk.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { jobAbilities } from '../../access/policies.ts';

/** A row of the desk's queries as the database returns it (every date as text). */
export interface DeskRow {
  id: string;
  number: number;
  site_name: string;
  site_address: string;
  description: string;
  status: JobStatus;
  priority: JobPriority;
  due_on: string;
  target_on: string | null;
  scheduled_on: string | null;
  po_number: string | null;
  po_amount_minor: string | null;
  po_currency: string | null;
  required_accreditations: string[];
  created_at: string;
  organization_id: string;
  organization_name: string;
  time_zone: string;
  technicians: string;
  key: string;
}

/** The desk's buttons, from the job machine and the role (the same abilities as the job's page). */
export function deskAbilities(actor: Actor, status: JobStatus) {
  const abilities = jobAbilities(actor, { status });
  return { accept: abilities.accept, reject: abilities.reject, staff: abilities.assignTechnicians, complete: abilities.complete };
}

export function presentDeskJob(actor: Actor, row: DeskRow, now: Date): DeskJob {
  const technicians = JSON.parse(row.technicians) as Array<[string, string]>;
  return {
    id: row.id,
    number: Number(row.number),
    siteName: row.site_name,
    siteAddress: row.site_address,
    description: row.description,
    status: row.status,
    priority: row.priority,
    dueOn: row.due_on,
    targetOn: row.target_on,
    scheduledOn: row.scheduled_on,
    poNumber: row.po_number,
    poAmountMinor: row.po_amount_minor === null ? null : Number(row.po_amount_minor),
    poCurrency: row.po_currency,
    requiredAccreditations: row.required_accreditations,
    organization: { id: row.organization_id, name: row.organization_name },
    technicians: technicians.map(([id, name]) => ({ id, name })),
    overdue: isJobOverdue({ status: row.status, dueOn: row.due_on }, todayIn(row.time_zone, now)),
    createdAt: new Date(row.created_at.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString(),
    abilities: deskAbilities(actor, row.status),
  };
}

import type { Machine } from './machine.ts';

export const jobStatuses = [
  'assigned',
  'accepted',
  'rejected',
  'scheduled',
  'in_progress',
  'revisit',
  'performed_need_docs',
  'performed',
  'closed',
  'cancelled',
  'archived',
] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobEvents = [
  'accept',
  'reject',
  'reassign',
  'schedule',
  'start',
  'require_revisit',
  'perform',
  'complete',
  'close',
  'send_back',
  'cancel',
  'archive',
] as const;
export type JobEvent = (typeof jobEvents)[number];

/**
 * A job (work order). Creating a job on an engagement assigns it to that engagement's
 * contractor: it starts `assigned` (there is no draft).
 *
 * ```
 * assigned ──accept (target date)──▶ accepted ──schedule (date, technicians)──▶ scheduled
 * assigned ──reject (reason)──▶ rejected ──reassign (company)──▶ assigned
 * scheduled | revisit ──start ("I'm on site")──▶ in_progress ──require_revisit (reason)──▶ revisit
 * in_progress ──perform ("I've performed this work")──▶ performed_need_docs
 * performed_need_docs ──complete (invoice/report/quote, on-site date)──▶ performed
 * performed ──close──▶ closed ──archive──▶ archived
 * performed ──send_back (reason)──▶ revisit
 * any open state ──cancel (reason, company)──▶ cancelled ──archive──▶ archived
 * ```
 *
 * `complete` is the contractor's "Complete task" (invoice, report or quote, and the actual
 * on-site date). Its usual start is `performed_need_docs` (the technician performed and signed);
 * the desk may also complete a job its office did itself without the technician's on-site steps
 * (the guide's desk view, steps 2–3): from `accepted`, `scheduled` or `in_progress`. Not from
 * `revisit`: a revisit means someone must go on site again first.
 *
 * `archive` also takes cancelled jobs (the issue names `closed → archived`; a cancelled job is
 * just as finished and the company clears both from its lists). Archived jobs stay visible,
 * read-only, to the contractor.
 */
export const jobMachine: Machine<JobStatus, JobEvent> = {
  accept: { from: ['assigned'], to: 'accepted', actors: ['contractor'] },
  reject: { from: ['assigned'], to: 'rejected', actors: ['contractor'] },
  reassign: { from: ['rejected'], to: 'assigned', actors: ['staff'] },
  schedule: { from: ['accepted'], to: 'scheduled', actors: ['contractor'] },
  start: { from: ['scheduled', 'revisit'], to: 'in_progress', actors: ['technician', 'contractor'] },
  require_revisit: { from: ['in_progress'], to: 'revisit', actors: ['technician', 'contractor'] },
  perform: { from: ['in_progress'], to: 'performed_need_docs', actors: ['technician', 'contractor'] },
  complete: { from: ['accepted', 'scheduled', 'in_progress', 'performed_need_docs'], to: 'performed', actors: ['contractor'] },
  close: { from: ['performed'], to: 'closed', actors: ['staff'] },
  send_back: { from: ['performed'], to: 'revisit', actors: ['staff'] },
  cancel: {
    from: ['assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed'],
    to: 'cancelled',
    actors: ['staff'],
  },
  archive: { from: ['closed', 'cancelled'], to: 'archived', actors: ['staff'] },
};

/** Open: the job is still being worked or reviewed (the company may cancel it). */
export const openJobStatuses: readonly JobStatus[] = jobMachine.cancel.from;
/** Finished: nothing more happens to the job but archiving. */
export const finishedJobStatuses: readonly JobStatus[] = ['closed', 'cancelled', 'archived'];
/** The contractor has work to do on these (the desk view's "needs action"). */
export const contractorActionJobStatuses: readonly JobStatus[] = ['assigned', 'accepted', 'revisit', 'performed_need_docs'];
/** The company has something to do on these (review a performed job, reassign a rejected one). */
export const companyActionJobStatuses: readonly JobStatus[] = ['rejected', 'performed'];
/** Technicians may be assigned (and the scheduled date changed) while the job is in these states. */
export const staffableJobStatuses: readonly JobStatus[] = ['accepted', 'scheduled', 'in_progress', 'revisit'];

/**
 * A job takes an invoice from the contractor ("invoice this job") while it is being completed or
 * under review: what "Complete task" starts from, and `performed`. Not once it is closed,
 * cancelled or archived.
 */
export const invoiceableJobStatuses: readonly JobStatus[] = ['accepted', 'scheduled', 'in_progress', 'performed_need_docs', 'performed'];

/** Not performed yet: what can be overdue (the desk view's filter counts the same in SQL). */
export const notPerformedJobStatuses: readonly JobStatus[] = ['assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit'];

/** Overdue: still open (not performed yet) after its due date (`today` as YYYY-MM-DD in the organization's calendar). */
export function isJobOverdue(row: { status: JobStatus; dueOn: string }, today: string): boolean {
  return notPerformedJobStatuses.includes(row.status) && row.dueOn < today;
}

export const jobStatusLabels: Record<JobStatus, string> = {
  assigned: 'Assigned',
  accepted: 'Accepted',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  revisit: 'Revisit',
  performed_need_docs: 'Performed (need docs)',
  performed: 'Performed',
  closed: 'Closed',
  cancelled: 'Cancelled',
  archived: 'Archived',
};

import { invoiceableJobStatuses } from '../../../shared/domain/job.machine.ts';
import type { Actor } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import type { Executor } from '../../db/client.ts';
import { AppError, badField } from '../../lib/errors.ts';

/**
 * The plug for the invoices of the payments issue: an invoice links to its job by
 * `invoices.job_id`. Before an invoice is created with a `jobId`, the invoices service calls this
 * with the invoice's engagement: the job must be visible to the actor (else 400 on `jobId`, the
 * same answer as for a job that does not exist), on the same engagement, and in a status that
 * takes an invoice (else 409 with the current status). Returns the job (its PO amount and
 * currency are the invoice's default).
 */
export async function readInvoiceableJob(db: Executor, actor: Actor, jobId: string, engagementId: string) {
  const job = await scoped(db, actor).jobs.find(jobId);
  if (!job) throw badField('jobId', 'This job was not found.');
  if (job.engagementId !== engagementId) throw badField('jobId', 'This job belongs to another engagement than the invoice.');
  if (!invoiceableJobStatuses.includes(job.status))
    throw new AppError('CONFLICT', `This job is ${job.status.replaceAll('_', ' ')}; it takes no invoice now.`, {
      currentStatus: job.status,
    });
  return job;
}

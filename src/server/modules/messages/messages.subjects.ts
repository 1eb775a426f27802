import { and, eq, inArray } from 'drizzle-orm';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { MessageSubjectKind } from '../../../shared/domain/messages.ts';
import type { Actor } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import type { Executor } from '../../db/client.ts';
import { contracts, invoices, jobs, milestones, payments } from '../../db/schema/index.ts';
import { badField } from '../../lib/errors.ts';

type Parties = { organizationId: string; contractorId: string };
export type Subject = { kind: MessageSubjectKind; id: string };

const tableOf = { contract: 'contracts', milestone: 'milestones', payment: 'payments', invoice: 'invoices', job: 'jobs' } as const;

/**
 * The record a message points at: one the actor can see, of the thread's own engagement (the
 * same organization and contractor); anything else is a 400 on `subject`, never a hint of what
 * exists elsewhere. A technician points only at jobs assigned to them.
 */
export async function readSubject(tx: Executor, actor: Actor, thread: Parties, subject: Subject): Promise<void> {
  if (actor.kind === 'technician' && subject.kind !== 'job')
    throw badField('subject', 'A technician writes about a job assigned to them: pick the job.');
  const row = await scoped(tx, actor)[tableOf[subject.kind]].find(subject.id);
  if (!row || row.organizationId !== thread.organizationId || row.contractorId !== thread.contractorId)
    throw badField('subject', `This ${subject.kind} was not found in this engagement.`);
}

/** How each record is named beside a message ("Job 1042 at Harbour Tower", "Invoice INV-7"), read in one query per kind. */
export async function labelSubjects(tx: Executor, thread: Parties, subjects: Subject[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const idsOf = (kind: MessageSubjectKind) => [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
  const ofThread = (t: { organizationId: PgColumn; contractorId: PgColumn }) =>
    and(eq(t.organizationId, thread.organizationId), eq(t.contractorId, thread.contractorId));
  const put = (kind: MessageSubjectKind, rows: Array<{ id: string; label: string }>) => {
    for (const row of rows) labels.set(`${kind}:${row.id}`, row.label);
  };
  const kinds = idsOf('contract');
  if (kinds.length > 0)
    put(
      'contract',
      (
        await tx
          .select({ id: contracts.id, title: contracts.title })
          .from(contracts)
          .where(and(ofThread(contracts), inArray(contracts.id, kinds)))
      ).map((r) => ({ id: r.id, label: `Contract: ${r.title}` })),
    );
  const milestoneIds = idsOf('milestone');
  if (milestoneIds.length > 0)
    put(
      'milestone',
      (
        await tx
          .select({ id: milestones.id, title: milestones.title })
          .from(milestones)
          .where(and(ofThread(milestones), inArray(milestones.id, milestoneIds)))
      ).map((r) => ({ id: r.id, label: `Milestone: ${r.title}` })),
    );
  const paymentIds = idsOf('payment');
  if (paymentIds.length > 0)
    put(
      'payment',
      (
        await tx
          .select({ id: payments.id, amountMinor: payments.amountMinor, currency: payments.currency, description: payments.description })
          .from(payments)
          .where(and(ofThread(payments), inArray(payments.id, paymentIds)))
      ).map((r) => ({
        id: r.id,
        label: `Payment: ${formatMoney({ amountMinor: r.amountMinor, currency: r.currency }, 'en-US')}${r.description ? ` (${r.description})` : ''}`,
      })),
    );
  const invoiceIds = idsOf('invoice');
  if (invoiceIds.length > 0)
    put(
      'invoice',
      (
        await tx
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(and(ofThread(invoices), inArray(invoices.id, invoiceIds)))
      ).map((r) => ({ id: r.id, label: `Invoice ${r.number}` })),
    );
  const jobIds = idsOf('job');
  if (jobIds.length > 0)
    put(
      'job',
      (
        await tx
          .select({ id: jobs.id, number: jobs.number, siteName: jobs.siteName })
          .from(jobs)
          .where(and(ofThread(jobs), inArray(jobs.id, jobIds)))
      ).map((r) => ({ id: r.id, label: `Job ${r.number} at ${r.siteName}` })),
    );
  return labels;
}

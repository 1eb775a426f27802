import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { invoiceMachine } from '../../../shared/domain/invoice.machine.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { SubmitInvoiceInput } from '../../../shared/schemas/invoice.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, invoiceRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { invoiceLines, invoices, organizations } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { badField } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import type { Storage } from '../../lib/storage.ts';
import { readAttachableFile, recordGeneratedFile, storeGeneratedBytes } from '../files/files.service.ts';
import { readInvoiceableJob } from '../jobs/jobs.invoice.ts';
import { settleApprovedInvoice } from '../payments/payments.invoices.ts';
import {
  checkCorrected,
  checkInvoiceArithmetic,
  checkMilestoneLines,
  checkNumberFree,
  duplicateNumber,
  invoiceFileTypes,
} from './invoices.checks.ts';
import { tellContractor, tellFinance } from './invoices.notify.ts';
import { readContractorProfile } from './invoices.profile.ts';
import { getInvoice } from './invoices.queries.ts';
import { markInvoicePaidIfSettled } from './invoices.settle.ts';
import { renderInvoicePdf } from './invoices.pdf.ts';

type InvoiceRow = typeof invoices.$inferSelect;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.code === '23505' && (current.constraint === constraint || String(current.message).includes(constraint))) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** Every check that reads the database; run once before generating a PDF (no lock) and again in the transaction (locked). */
async function checkSubmission(db: Executor, ctx: RequestContext, input: SubmitInvoiceInput, lock: boolean) {
  const engagement = await scoped(db, ctx.actor).engagements.get(input.engagementId, 'This engagement');
  assertAllowed(invoiceRoleAbilities(ctx.actor), 'submit');
  if (engagement.status === 'invited') throw badField('engagementId', 'This engagement has not started yet.');
  const corrected = await checkCorrected(db, ctx.actor, input, lock);
  const milestones = await checkMilestoneLines(db, ctx.actor, input, lock);
  // "Invoice this job": the job must be the contractor's, on this engagement, in a state that takes an invoice.
  if (input.jobId) await readInvoiceableJob(db, ctx.actor, input.jobId, engagement.id);
  await checkNumberFree(db, engagement, input.number);
  return { engagement, corrected, milestones };
}

/** The PDF Portico writes from the contractor's business details and the lines. */
async function generateDocument(
  db: Db,
  storage: Storage,
  ctx: RequestContext,
  input: SubmitInvoiceInput,
  checked: Awaited<ReturnType<typeof checkSubmission>>,
) {
  const { engagement, corrected } = checked;
  const profile = await readContractorProfile(db, ctx.actor, engagement.contractorId);
  if (!profile)
    throw badField('generate', 'Fill in your business details (Settings → Business details) before Portico can generate an invoice.');
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, engagement.organizationId));
  const bytes = await renderInvoicePdf({
    ...input,
    correctsNumber: corrected?.number ?? null,
    from: profile,
    to: { name: organization?.name ?? '' },
  });
  return storeGeneratedBytes(storage, bytes);
}

/**
 * A contractor member submits an invoice to the organization of one engagement: for approved
 * milestones, for a job, or free-form. The server recomputes every amount (400 naming the line),
 * refuses a number already used (409 naming it), a milestone on another live invoice (409) or in
 * another currency (400), and stores the lines, the document (uploaded or generated) and the audit
 * event in one transaction; finance, admins and owners are told.
 */
export async function submitInvoice(db: Db, storage: Storage, ctx: RequestContext, input: SubmitInvoiceInput) {
  checkInvoiceArithmetic(input);
  // The generated PDF is written to storage before the transaction (no I/O inside one), after the
  // checks have passed once, so a refused submission leaves nothing behind.
  const generated = input.generate ? await generateDocument(db, storage, ctx, input, await checkSubmission(db, ctx, input, false)) : null;
  const id = await runInTransaction(db, async (tx) => {
    const { engagement } = await checkSubmission(tx, ctx, input, true);
    const parties = { organizationId: engagement.organizationId, contractorId: engagement.contractorId };
    const file = generated
      ? await recordGeneratedFile(tx, ctx, generated, { ...parties, mime: 'application/pdf', name: `Invoice ${input.number}` })
      : await readAttachableFile(tx, ctx.actor, input.fileId!, parties);
    if (!invoiceFileTypes.has(file.mime)) throw badField('fileId', `The invoice must be a PDF or an image; this file is ${file.mime}.`);
    const invoiceId = createId();
    await tx.insert(invoices).values({
      id: invoiceId,
      ...parties,
      engagementId: engagement.id,
      number: input.number,
      issueOn: input.issueOn,
      dueOn: input.dueOn,
      currency: input.currency,
      subtotalMinor: input.subtotalMinor,
      taxRateBp: input.taxRateBp,
      taxMinor: input.taxMinor,
      totalMinor: input.totalMinor,
      status: 'submitted',
      note: input.note,
      correctsInvoiceId: input.correctsInvoiceId ?? null,
      fileId: file.id,
      generated: generated !== null,
      jobId: input.jobId ?? null,
      submittedByUserId: ctx.user.id,
    });
    await tx.insert(invoiceLines).values(
      input.lines.map((line, position) => ({
        id: createId(),
        invoiceId,
        ...parties,
        position,
        description: line.description,
        quantityMilli: line.quantityMilli,
        unitAmountMinor: line.unitAmountMinor,
        amountMinor: line.amountMinor,
        milestoneId: line.milestoneId ?? null,
      })),
    );
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      ...parties,
      action: 'invoice.submitted',
      entityType: 'invoice',
      entityId: invoiceId,
      after: {
        status: 'submitted',
        number: input.number,
        totalMinor: input.totalMinor,
        currency: input.currency,
        lines: input.lines.length,
        correctsInvoiceId: input.correctsInvoiceId ?? null,
        jobId: input.jobId ?? null,
        generated: generated !== null,
      },
      ip: ctx.ip,
    });
    const total = formatMoney({ amountMinor: input.totalMinor, currency: input.currency }, 'en-US');
    await tellFinance(
      tx,
      { id: invoiceId, ...parties },
      'invoice.submitted',
      `Invoice ${input.number} to review`,
      `${total}, due ${input.dueOn}.`,
    );
    return invoiceId;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'invoices_number_uq')) throw duplicateNumber(input.number);
    throw error;
  });
  return getInvoice(db, ctx, id);
}

/** The invoice's milestone lines (the caller holds the invoice). */
async function milestoneLinesOf(tx: Tx, row: InvoiceRow) {
  const lines = await tx
    .select({ milestoneId: invoiceLines.milestoneId, amountMinor: invoiceLines.amountMinor })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, row.id), isNotNull(invoiceLines.milestoneId)));
  return lines.map((l) => ({ milestoneId: l.milestoneId!, amountMinor: l.amountMinor }));
}

/**
 * Approve (owners, admins, finance): the approve event; the milestones' draft payments are linked
 * to the invoice and ONE draft payment is made for the rest (free lines and tax), in the same
 * transaction; an invoice whose payments were all sent already is paid at once.
 */
export async function approveInvoice(db: Db, ctx: RequestContext, id: string, note: string | null) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).invoices.getForUpdate(id, 'This invoice');
    assertAllowed(invoiceRoleAbilities(ctx.actor), 'approve');
    const row = await applyTransition(tx, {
      current,
      table: 'invoices',
      machine: invoiceMachine,
      event: 'approve',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'invoice',
      what: 'This invoice',
      set: { approvedByUserId: ctx.user.id, approvedAt: new Date() },
      note,
    });
    await settleApprovedInvoice(tx, {
      invoiceId: id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      engagementId: row.engagementId,
      currency: row.currency,
      totalMinor: row.totalMinor,
      milestoneLines: await milestoneLinesOf(tx, row),
      actorUserId: ctx.user.id,
    });
    const paid = await markInvoicePaidIfSettled(tx, id, ctx.user.id);
    await tellContractor(
      tx,
      row,
      'invoice.approved',
      `Invoice ${row.number} approved`,
      `${note ? `Note: ${note} ` : ''}${paid ? 'It is already paid.' : 'A payment is being prepared.'}`,
    );
  });
  return getInvoice(db, ctx, id);
}

/** A rejected or withdrawn invoice no longer holds its milestones (nor its number: the partial unique index). */
async function releaseLines(tx: Tx, id: string): Promise<void> {
  await tx
    .update(invoiceLines)
    .set({ live: false })
    .where(inArray(invoiceLines.invoiceId, [id]));
}

/** Reject with a reason (owners, admins, finance); the contractor may then submit a correction linked to it. */
export async function rejectInvoice(db: Db, ctx: RequestContext, id: string, reason: string) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).invoices.getForUpdate(id, 'This invoice');
    assertAllowed(invoiceRoleAbilities(ctx.actor), 'reject');
    const row = await applyTransition(tx, {
      current,
      table: 'invoices',
      machine: invoiceMachine,
      event: 'reject',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'invoice',
      what: 'This invoice',
      set: { rejectReason: reason, rejectedByUserId: ctx.user.id, rejectedAt: new Date() },
      note: reason,
    });
    await releaseLines(tx, id);
    await tellContractor(
      tx,
      row,
      'invoice.rejected',
      `Invoice ${row.number} rejected`,
      `Reason: ${reason} You can submit a corrected invoice.`,
    );
  });
  return getInvoice(db, ctx, id);
}

/** The contractor takes back an invoice before it is reviewed. */
export async function withdrawInvoice(db: Db, ctx: RequestContext, id: string) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).invoices.getForUpdate(id, 'This invoice');
    assertAllowed(invoiceRoleAbilities(ctx.actor), 'withdraw');
    const row = await applyTransition(tx, {
      current,
      table: 'invoices',
      machine: invoiceMachine,
      event: 'withdraw',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'invoice',
      what: 'This invoice',
    });
    await releaseLines(tx, id);
    await tellFinance(tx, row, 'invoice.withdrawn', `Invoice ${row.number} withdrawn`, 'The contractor took it back before review.');
  });
  return getInvoice(db, ctx, id);
}

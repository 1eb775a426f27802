import { and, eq, inArray } from 'drizzle-orm';
import { approvedMilestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import { correctableInvoiceStatuses, liveInvoiceStatuses } from '../../../shared/domain/invoice.machine.ts';
import { computeInvoiceTotals } from '../../../shared/domain/invoice.totals.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { MAX_AMOUNT_MINOR } from '../../../shared/schemas/money.schema.ts';
import type { SubmitInvoiceInput } from '../../../shared/schemas/invoice.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { contracts, invoiceLines, invoices, milestones } from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { findMilestonePaymentStatuses } from '../payments/payments.invoices.ts';

const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency }, 'en-US');

/**
 * The arithmetic of a submission, before anything is read: each line's amount, then subtotal, tax
 * and total, as the server computes them. A mismatch is a 400 naming the line or the field.
 */
export function checkInvoiceArithmetic(input: SubmitInvoiceInput): void {
  if (input.dueOn < input.issueOn) throw badField('dueOn', 'The due date is before the issue date.');
  const totals = computeInvoiceTotals(input.lines, input.taxRateBp);
  input.lines.forEach((line, i) => {
    const expected = totals.lineAmountsMinor[i]!;
    if (line.amountMinor !== expected)
      throw badField(
        `lines.${i}.amountMinor`,
        `Line ${i + 1} ("${line.description.slice(0, 60)}"): quantity × unit amount is ${money(expected, input.currency)}, not ${money(line.amountMinor, input.currency)}.`,
      );
  });
  if (input.subtotalMinor !== totals.subtotalMinor)
    throw badField(
      'subtotalMinor',
      `The lines add up to ${money(totals.subtotalMinor, input.currency)}, not ${money(input.subtotalMinor, input.currency)}.`,
    );
  if (input.taxMinor !== totals.taxMinor)
    throw badField(
      'taxMinor',
      `The tax on ${money(totals.subtotalMinor, input.currency)} is ${money(totals.taxMinor, input.currency)}, not ${money(input.taxMinor, input.currency)}.`,
    );
  if (input.totalMinor !== totals.totalMinor)
    throw badField(
      'totalMinor',
      `Subtotal plus tax is ${money(totals.totalMinor, input.currency)}, not ${money(input.totalMinor, input.currency)}.`,
    );
  if (totals.totalMinor <= 0) throw badField('totalMinor', 'An invoice must be for more than nothing.');
  if (totals.totalMinor > MAX_AMOUNT_MINOR) throw badField('totalMinor', 'The total is too large (at most 10^12 minor units).');
  const seen = new Map<string, number>();
  input.lines.forEach((line, i) => {
    if (!line.milestoneId) return;
    const first = seen.get(line.milestoneId);
    if (first !== undefined) throw badField(`lines.${i}.milestoneId`, `Line ${i + 1} repeats the milestone of line ${first + 1}.`);
    seen.set(line.milestoneId, i);
  });
}

type MilestoneRow = typeof milestones.$inferSelect;

/**
 * The milestones the lines stand for: visible, of the invoice's engagement, approved (or already
 * paid), in the invoice's currency, for their exact amount, and on no other live invoice. With
 * `lock`, the milestones are locked until the transaction ends, so two invoices cannot claim one.
 */
export async function checkMilestoneLines(
  db: Executor,
  actor: Actor,
  input: SubmitInvoiceInput,
  lock: boolean,
): Promise<Map<string, MilestoneRow>> {
  const ids = input.lines.flatMap((l) => (l.milestoneId ? [l.milestoneId] : []));
  if (ids.length === 0) return new Map();
  const query = db
    .select({ milestone: milestones, engagementId: contracts.engagementId })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(and(inArray(milestones.id, ids), scopes.milestones(actor)));
  const rows = lock ? await query.for('update', { of: milestones }) : await query;
  const found = new Map(rows.map((r) => [r.milestone.id, r]));
  const [claims, paymentStatuses] = await readTogether(
    db,
    () =>
      db
        .select({ milestoneId: invoiceLines.milestoneId, number: invoices.number })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(and(inArray(invoiceLines.milestoneId, ids), eq(invoiceLines.live, true), scopes.invoices(actor))),
    () => findMilestonePaymentStatuses(db, ids),
  );
  input.lines.forEach((line, i) => {
    if (!line.milestoneId) return;
    const row = found.get(line.milestoneId);
    const path = `lines.${i}.milestoneId`;
    if (!row || row.engagementId !== input.engagementId)
      throw badField(path, `Line ${i + 1}: this milestone was not found on this engagement.`);
    const m = row.milestone;
    if (!approvedMilestoneStatuses.includes(m.status))
      throw badField(path, `Line ${i + 1}: "${m.title}" is ${m.status.replace('_', ' ')}; only approved milestones can be invoiced.`);
    if (m.currency !== input.currency)
      throw badField(
        'currency',
        `"${m.title}" is paid in ${m.currency}; this invoice is in ${input.currency}. Invoice each currency separately.`,
      );
    if (line.amountMinor !== m.amountMinor)
      throw badField(`lines.${i}.amountMinor`, `Line ${i + 1}: "${m.title}" was approved for ${money(m.amountMinor, m.currency)}.`);
    if (paymentStatuses.get(m.id) === 'cancelled')
      throw badField(path, `Line ${i + 1}: the payment of "${m.title}" was cancelled; ask the company before invoicing it.`);
    const claim = claims.find((c) => c.milestoneId === m.id);
    if (claim)
      throw new AppError('CONFLICT', `Line ${i + 1}: "${m.title}" is already on invoice ${claim.number}.`, {
        fieldErrors: [{ path, message: `Already on invoice ${claim.number}.` }],
        invoiceNumber: claim.number,
      });
  });
  return new Map(rows.map((r) => [r.milestone.id, r.milestone]));
}

/** The number is free among the contractor's live invoices to this organization: else 409 naming it. */
export async function checkNumberFree(db: Executor, parties: { organizationId: string; contractorId: string }, number: string) {
  const [taken] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.organizationId, parties.organizationId),
        eq(invoices.contractorId, parties.contractorId),
        eq(invoices.number, number),
        inArray(invoices.status, [...liveInvoiceStatuses]),
      ),
    )
    .limit(1);
  if (taken) throw duplicateNumber(number);
}

export function duplicateNumber(number: string): AppError {
  return new AppError('ALREADY_EXISTS', `You already sent invoice number ${number} to this organization; give this one another number.`, {
    fieldErrors: [{ path: 'number', message: `Invoice ${number} already exists.` }],
    number,
  });
}

/** The rejected invoice a correction points at: visible, same engagement, rejected, not corrected yet. */
export async function checkCorrected(db: Executor, actor: Actor, input: SubmitInvoiceInput, lock: boolean) {
  if (!input.correctsInvoiceId) return null;
  const reader = scoped(db, actor).invoices;
  const row = lock ? await reader.getForUpdate(input.correctsInvoiceId).catch(() => undefined) : await reader.find(input.correctsInvoiceId);
  if (!row || row.engagementId !== input.engagementId)
    throw badField('correctsInvoiceId', 'The invoice to correct was not found on this engagement.');
  if (!correctableInvoiceStatuses.includes(row.status))
    throw new AppError('CONFLICT', `Invoice ${row.number} is ${row.status}; only a rejected invoice can be corrected.`, {
      currentStatus: row.status,
    });
  const [correction] = await db
    .select({ number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.correctsInvoiceId, row.id), inArray(invoices.status, [...liveInvoiceStatuses])))
    .limit(1);
  if (correction) throw new AppError('CONFLICT', `Invoice ${row.number} was already corrected by invoice ${correction.number}.`);
  return row;
}

/** Uploaded invoices are PDFs or images. */
export const invoiceFileTypes = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/tiff']);

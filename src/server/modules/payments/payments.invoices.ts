import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';

/**
 * The payments side of an approved invoice (the payments module owns the table). A milestone's
 * approval already made its draft payment: an invoice line for that milestone must not pay it
 * twice, so approving the invoice links the milestones' payments to it, and makes ONE draft
 * payment (source `invoice`) for the rest of its total (the free lines and the tax), if any.
 */
export interface InvoicePaymentsInput {
  invoiceId: string;
  organizationId: string;
  contractorId: string;
  engagementId: string;
  currency: string;
  totalMinor: number;
  /** The invoice's milestone lines: milestone and the line's amount (the milestone's). */
  milestoneLines: Array<{ milestoneId: string; amountMinor: number }>;
  actorUserId: string | null;
}

export async function settleApprovedInvoice(tx: Tx, input: InvoicePaymentsInput): Promise<{ linked: string[]; draftId: string | null }> {
  const milestoneIds = input.milestoneLines.map((l) => l.milestoneId);
  // A milestone's payment that was cancelled pays nothing: its line is paid by the invoice's own draft.
  const linked =
    milestoneIds.length === 0
      ? []
      : await tx
          .update(payments)
          .set({ invoiceId: input.invoiceId, updatedAt: new Date() })
          .where(
            and(
              inArray(payments.milestoneId, milestoneIds),
              eq(payments.organizationId, input.organizationId),
              eq(payments.contractorId, input.contractorId),
              ne(payments.status, 'cancelled'),
              isNull(payments.invoiceId),
            ),
          )
          .returning({ id: payments.id, milestoneId: payments.milestoneId });
  const covered = input.milestoneLines
    .filter((line) => linked.some((p) => p.milestoneId === line.milestoneId))
    .reduce((sum, line) => sum + line.amountMinor, 0);
  const rest = input.totalMinor - covered;
  let draftId: string | null = null;
  if (rest > 0) {
    draftId = createId();
    await tx.insert(payments).values({
      id: draftId,
      organizationId: input.organizationId,
      contractorId: input.contractorId,
      engagementId: input.engagementId,
      source: 'invoice',
      invoiceId: input.invoiceId,
      amountMinor: rest,
      currency: input.currency,
      status: 'draft',
      createdByUserId: input.actorUserId,
    });
  }
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    organizationId: input.organizationId,
    contractorId: input.contractorId,
    action: 'payment.invoice_linked',
    entityType: 'invoice',
    entityId: input.invoiceId,
    after: {
      linkedPaymentIds: linked.map((p) => p.id),
      draftPaymentId: draftId,
      ...(draftId ? { draftAmountMinor: rest, currency: input.currency } : {}),
    },
  });
  return { linked: linked.map((p) => p.id), draftId };
}

/** The payments that settle an invoice, oldest first (the caller has already checked the invoice is visible). */
export async function listInvoicePayments(db: Executor, invoiceId: string) {
  return db
    .select({ id: payments.id, status: payments.status, amountMinor: payments.amountMinor, source: payments.source })
    .from(payments)
    .where(eq(payments.invoiceId, invoiceId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/** milestone id → status of its payment (a cancelled one counts as none), for the milestones given. */
export async function findMilestonePaymentStatuses(db: Executor, milestoneIds: string[]) {
  if (milestoneIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ milestoneId: payments.milestoneId, status: payments.status })
    .from(payments)
    .where(inArray(payments.milestoneId, milestoneIds));
  return new Map(rows.map((r) => [r.milestoneId!, r.status]));
}

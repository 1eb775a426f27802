import type { Actor } from '../../access/actor.ts';
import { invoiceAbilities } from '../../access/policies.ts';
import type { invoices } from '../../db/schema/index.ts';

export interface InvoiceListRow {
  invoice: typeof invoices.$inferSelect;
  organizationName: string;
  contractorName: string;
  /** The live correction of this invoice, if one was submitted. */
  correctedByInvoiceId: string | null;
}

/** An invoice in the API's shape, with what the actor may do with it. */
export function presentInvoice(actor: Actor, row: InvoiceListRow) {
  const { invoice: i, organizationName, contractorName, correctedByInvoiceId } = row;
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    issueOn: i.issueOn,
    dueOn: i.dueOn,
    currency: i.currency,
    subtotalMinor: i.subtotalMinor,
    taxRateBp: i.taxRateBp,
    taxMinor: i.taxMinor,
    totalMinor: i.totalMinor,
    engagementId: i.engagementId,
    organization: { id: i.organizationId, name: organizationName },
    contractor: { id: i.contractorId, name: contractorName },
    generated: i.generated,
    rejectReason: i.rejectReason,
    correctsInvoiceId: i.correctsInvoiceId,
    jobId: i.jobId,
    submittedAt: i.createdAt.toISOString(),
    approvedAt: i.approvedAt?.toISOString() ?? null,
    rejectedAt: i.rejectedAt?.toISOString() ?? null,
    paidAt: i.paidAt?.toISOString() ?? null,
    version: i.version,
    abilities: invoiceAbilities(actor, i, correctedByInvoiceId !== null),
  };
}

import type { FourEyesRule } from '../../../shared/domain/payment.rules.ts';
import type { Actor } from '../../access/actor.ts';
import { awaitsSecondApproval, paymentAbilities } from '../../access/policies.ts';
import type { files, paymentNotes, payments } from '../../db/schema/index.ts';
import { presentFile } from '../files/files.service.ts';

type PaymentRow = typeof payments.$inferSelect;

export interface PaymentListRow {
  payment: PaymentRow;
  organizationName: string;
  contractorName: string;
  proof: typeof files.$inferSelect | null;
}

function isoOrNull(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** A payment in the API's shape, with what the actor may do with it (the four-eyes rule is its organization's). */
export function presentPayment(actor: Actor, row: PaymentListRow, rule: FourEyesRule) {
  const p = row.payment;
  return {
    id: p.id,
    organizationId: p.organizationId,
    organizationName: row.organizationName,
    contractorId: p.contractorId,
    contractorName: row.contractorName,
    engagementId: p.engagementId,
    source: p.source,
    milestoneId: p.milestoneId,
    description: p.description,
    amountMinor: p.amountMinor,
    currency: p.currency,
    status: p.status,
    method: p.method,
    reference: p.reference,
    proof: row.proof ? presentFile(row.proof) : null,
    sentOn: p.sentOn,
    expectedOn: p.expectedOn,
    sentAt: isoOrNull(p.sentAt),
    batchId: p.batchId,
    adjustsPaymentId: p.adjustsPaymentId,
    cancelReason: p.cancelReason,
    awaitingApproval: awaitsSecondApproval(p, rule),
    secondApprovedAt: isoOrNull(p.secondApprovedAt),
    receivedAt: isoOrNull(p.receivedAt),
    createdAt: p.createdAt.toISOString(),
    version: p.version,
    abilities: paymentAbilities(actor, p, rule),
  };
}

export function presentPaymentNote(row: {
  note: typeof paymentNotes.$inferSelect;
  authorName: string | null;
  file: typeof files.$inferSelect | null;
}) {
  return {
    id: row.note.id,
    side: row.note.side,
    authorName: row.authorName,
    body: row.note.body,
    file: row.file ? presentFile(row.file) : null,
    createdAt: row.note.createdAt.toISOString(),
  };
}

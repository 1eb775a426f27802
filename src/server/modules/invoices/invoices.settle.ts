import { and, eq } from 'drizzle-orm';
import { invoiceMachine } from '../../../shared/domain/invoice.machine.ts';
import { systemActor } from '../../access/actor.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Tx } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { listInvoicePayments } from '../payments/payments.invoices.ts';

/**
 * approved → paid once none of the invoice's payments is still a draft and at least one was sent
 * (sent, received or disputed: cancelled ones pay nothing). For the payment send path: call it in
 * the send's transaction with the payment's `invoice_id`; `by` is the user whose send set it off.
 * Returns whether the invoice moved to paid. Any other status, or an unknown id: nothing happens.
 */
export async function markInvoicePaidIfSettled(tx: Tx, invoiceId: string, by: string | null = null): Promise<boolean> {
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, 'approved')))
    .for('update');
  if (!invoice) return false;
  const paying = await listInvoicePayments(tx, invoiceId);
  const settled = paying.every((p) => p.status !== 'draft') && paying.some((p) => p.status !== 'cancelled');
  if (!settled) return false;
  await applyTransition(tx, {
    current: invoice,
    table: 'invoices',
    machine: invoiceMachine,
    event: 'mark_paid',
    id: invoiceId,
    by: systemActor(by),
    entityType: 'invoice',
    what: 'This invoice',
    set: { paidAt: new Date() },
  });
  return true;
}

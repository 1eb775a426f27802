import { formatMoney } from '../../../shared/domain/money.ts';
import { paymentMethodLabels } from '../../../shared/domain/payment.rules.ts';
import type { Executor } from '../../db/client.ts';
import type { payments } from '../../db/schema/index.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds, selectPayerUserIds } from '../organizations/organizations.service.ts';

type PaymentRow = typeof payments.$inferSelect;

/** "€1,234.56": emails are written in en-US (the reader's side formats in its own locale). */
export function amountOf(payment: PaymentRow): string {
  return formatMoney(payment, 'en-US');
}

export async function tellContractor(tx: Executor, payment: PaymentRow, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectContractorMemberUserIds(tx, payment.contractorId),
    organizationId: payment.organizationId,
    contractorId: payment.contractorId,
    type,
    title,
    body,
    link: `/portal/payments/${payment.id}`,
  });
}

/** The staff who pay (owners, admins, finance), except the one who acted. */
export async function tellPayers(
  tx: Executor,
  payment: PaymentRow,
  type: string,
  title: string,
  body: string,
  exceptUserId?: string,
): Promise<void> {
  await notify(tx, {
    userIds: selectPayerUserIds(tx, payment.organizationId, exceptUserId ? [exceptUserId] : []),
    organizationId: payment.organizationId,
    type,
    title,
    body,
    link: `/app/payments/${payment.id}`,
  });
}

/** Payment sent: amount, method, reference, expected arrival, and where the proof is. */
export async function tellPaymentSent(tx: Executor, payment: PaymentRow): Promise<void> {
  const method = payment.method ? paymentMethodLabels[payment.method] : 'transfer';
  const expected = payment.expectedOn ? ` Expected to arrive on ${payment.expectedOn}.` : '';
  const proof = payment.proofFileId ? ' The proof of payment is on the payment page.' : '';
  await tellContractor(
    tx,
    payment,
    'payment.sent',
    `Payment sent: ${amountOf(payment)}`,
    `Sent by ${method} on ${payment.sentOn}, reference ${payment.reference ?? '(none)'}.${expected}${proof}`,
  );
}

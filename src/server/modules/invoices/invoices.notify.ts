import type { Tx } from '../../db/client.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds, selectPayerUserIds } from '../organizations/organizations.service.ts';

interface InvoiceParties {
  id: string;
  organizationId: string;
  contractorId: string;
}

/** Tells the staff who handle money (owners, admins, finance) about an invoice. */
export async function tellFinance(tx: Tx, invoice: InvoiceParties, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectPayerUserIds(tx, invoice.organizationId),
    organizationId: invoice.organizationId,
    contractorId: invoice.contractorId,
    type,
    title,
    body,
    link: `/app/invoices/${invoice.id}`,
  });
}

/** Tells the contractor's members about their invoice. */
export async function tellContractor(tx: Tx, invoice: InvoiceParties, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectContractorMemberUserIds(tx, invoice.contractorId),
    organizationId: invoice.organizationId,
    contractorId: invoice.contractorId,
    type,
    title,
    body,
    link: `/portal/invoices/${invoice.id}`,
  });
}

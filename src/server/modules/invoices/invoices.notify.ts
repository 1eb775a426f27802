import type { Tx } from '../../db/client.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds, selectStaffUserIdsWithRoles } from '../organizations/organizations.service.ts';

interface InvoiceParties {
  id: string;
  organizationId: string;
  contractorId: string;
}

/** Tells the staff who handle money (owners, admins, finance) about an invoice. */
export async function tellFinance(tx: Tx, invoice: InvoiceParties, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectStaffUserIdsWithRoles(tx, invoice.organizationId, ['owner', 'admin', 'finance']),
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

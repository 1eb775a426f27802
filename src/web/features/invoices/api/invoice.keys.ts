import type { InvoiceStatus } from '../../../../shared/domain/invoice.machine.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export interface InvoiceFilters {
  status?: InvoiceStatus;
  contractorId?: string;
  organizationId?: string;
}

export const invoiceKeys = {
  all: queryRoots.invoices,
  list: (filters: InvoiceFilters) => [...queryRoots.invoices, 'list', filters] as const,
  detail: (id: string) => [...queryRoots.invoices, 'detail', id] as const,
  billable: (engagementId: string) => [...queryRoots.invoices, 'billable', engagementId] as const,
  engagements: [...queryRoots.invoices, 'engagements'] as const,
  profile: [...queryRoots.invoices, 'profile'] as const,
};

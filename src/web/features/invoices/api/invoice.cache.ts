import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query.roots.ts';
import { invoiceKeys } from './invoice.keys.ts';
import type { InvoiceDetail } from './invoice.types.ts';

/** After an invoice changed: its detail, the lists, and what it moves elsewhere (payments, milestones, Home). */
export function refreshInvoices(queryClient: QueryClient, invoice?: InvoiceDetail): void {
  if (invoice) queryClient.setQueryData(invoiceKeys.detail(invoice.id), invoice);
  void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
  void queryClient.invalidateQueries({ queryKey: queryRoots.payments });
  void queryClient.invalidateQueries({ queryKey: queryRoots.milestones });
  void queryClient.invalidateQueries({ queryKey: queryRoots.home });
}

import { type InvoiceStatus, invoiceStatuses } from '../../shared/domain/invoice.machine.ts';

export interface InvoiceSearch {
  status?: InvoiceStatus;
}

/** The invoice list's filter, read from the URL: anything unknown is dropped. */
export function validateInvoiceSearch(search: Record<string, unknown>): InvoiceSearch {
  return { status: invoiceStatuses.find((s) => s === search.status) };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "New invoice": `corrects` names the rejected invoice a correction is for. */
export function validateNewInvoiceSearch(search: Record<string, unknown>): { corrects?: string } {
  return { corrects: typeof search.corrects === 'string' && uuid.test(search.corrects) ? search.corrects : undefined };
}

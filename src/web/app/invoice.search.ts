import { type InvoiceStatus, invoiceStatuses } from '../../shared/domain/invoice.machine.ts';

export interface InvoiceSearch {
  status?: InvoiceStatus;
}

/** The invoice list's filter, read from the URL: anything unknown is dropped. */
export function validateInvoiceSearch(search: Record<string, unknown>): InvoiceSearch {
  return { status: invoiceStatuses.find((s) => s === search.status) };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idIn = (value: unknown) => (typeof value === 'string' && uuid.test(value) ? value : undefined);

/** "New invoice": `corrects` names the rejected invoice a correction is for; `job` the job it invoices ("invoice this job"). */
export function validateNewInvoiceSearch(search: Record<string, unknown>): { corrects?: string; job?: string } {
  return { corrects: idIn(search.corrects), job: idIn(search.job) };
}

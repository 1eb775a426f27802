import type { ApiData } from '../../../lib/api.client.ts';

export type InvoicePage = ApiData<'/api/invoices', 'get'>;
export type InvoiceItem = InvoicePage['items'][number];
export type InvoiceDetail = ApiData<'/api/invoices/{id}', 'get'>;
export type BillableMilestone = ApiData<'/api/invoices/billable-milestones', 'get'>['items'][number];
export type ContractorProfile = ApiData<'/api/contractor/profile', 'get'>;

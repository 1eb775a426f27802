import { FileText } from 'lucide-react';
import { type InvoiceStatus, invoiceStatuses, invoiceStatusLabels } from '../../../../shared/domain/invoice.machine.ts';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { InvoiceFilters } from '../api/invoice.keys.ts';
import { useInvoices } from '../api/list-invoices.query.ts';
import { InvoiceStatusBadge } from './invoice-status.badge.tsx';

const statusOptions = [{ id: 'all', label: 'All statuses' }, ...invoiceStatuses.map((s) => ({ id: s, label: invoiceStatusLabels[s] }))];

export interface InvoicesPageProps {
  side: 'company' | 'contractor';
  filters: InvoiceFilters;
  onFiltersChange: (filters: InvoiceFilters) => void;
  detailHref: (id: string) => string;
  /** The contractor's "New invoice" page. */
  newHref?: string;
}

/** The company's invoices to review, or the contractor's invoices sent: newest first, filtered by status in the URL. */
export function InvoicesPage({ side, filters, onFiltersChange, detailHref, newHref }: InvoicesPageProps) {
  const query = useInvoices(filters);
  return (
    <>
      <PageHeader
        title="Invoices"
        description={
          side === 'company'
            ? 'Invoices your contractors sent: review, approve or reject them.'
            : 'Invoices you sent, and what became of them.'
        }
        actions={newHref ? <ButtonLink href={newHref}>New invoice</ButtonLink> : undefined}
      />
      <div className="mb-4 max-w-xs">
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.status ?? 'all'}
          onChange={(value) => onFiltersChange({ ...filters, status: value && value !== 'all' ? (value as InvoiceStatus) : undefined })}
        />
      </div>
      <QueryView query={query} loadingLabel="Loading invoices…">
        {(data) => {
          const items = data.items;
          if (items.length === 0)
            return (
              <EmptyState
                icon={FileText}
                title={filters.status ? `No ${invoiceStatusLabels[filters.status].toLowerCase()} invoices` : 'No invoices yet'}
                description={
                  side === 'company'
                    ? 'When a contractor submits an invoice, it appears here for finance to review.'
                    : 'Invoice approved milestones or other work: choose “New invoice”.'
                }
                action={newHref && !filters.status ? <ButtonLink href={newHref}>New invoice</ButtonLink> : undefined}
              />
            );
          return (
            <>
              <DataList label="Invoices">
                {items.map((invoice) => (
                  <DataListItem
                    key={invoice.id}
                    title={<TextLink href={detailHref(invoice.id)}>Invoice {invoice.number}</TextLink>}
                    subtitle={side === 'company' ? invoice.contractor.name : invoice.organization.name}
                    badges={<InvoiceStatusBadge status={invoice.status} />}
                    meta={
                      <span>
                        {formatMoney({ amountMinor: invoice.totalMinor, currency: invoice.currency })} · due {formatDay(invoice.dueOn)}
                      </span>
                    }
                  />
                ))}
              </DataList>
              <LoadMore query={query} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

import { Banknote } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { PaymentStatus } from '../../../../shared/domain/payment.machine.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import type { SelectOption } from '../../../components/ui/select.tsx';
import { UrlTabs } from '../../../components/ui/tabs.tsx';
import { usePayments, usePaymentTotals } from '../api/list-payments.query.ts';
import type { PaymentFilters } from '../api/payment.keys.ts';
import type { PaymentDetail, PaymentTotals } from '../api/payment.types.ts';
import { NewPaymentDialog } from './new-payment.dialog.tsx';
import { hasPaymentFilters, PaymentFiltersBar } from './payment.filters.tsx';
import { paymentStatusLabels } from './payment-status.badge.tsx';
import { PaymentTable } from './payment-table.tsx';
import { SendPaymentsDialog } from './send-payments.dialog.tsx';

const tabOrder: PaymentStatus[] = ['draft', 'sent', 'disputed', 'received', 'cancelled'];

export interface PayContractorsPageProps {
  filters: PaymentFilters;
  onFiltersChange: (filters: PaymentFilters) => void;
  detailHref: (id: string) => string;
  contractorOptions: readonly SelectOption[];
  engagementOptions: readonly SelectOption[];
  onCreated: (payment: PaymentDetail) => void;
}

function TotalsLine({ totals, status }: { totals: PaymentTotals['totals']; status: PaymentStatus }) {
  const rows = totals.filter((t) => t.status === status);
  const count = rows.reduce((n, t) => n + t.count, 0);
  return (
    <p className="text-slate-700" aria-live="polite">
      {count} {count === 1 ? 'payment' : 'payments'}: <MoneyAmounts amounts={rows} empty="nothing" />
    </p>
  );
}

function PaymentList({
  filters,
  onFiltersChange,
  detailHref,
}: Pick<PayContractorsPageProps, 'filters' | 'onFiltersChange' | 'detailHref'>) {
  const payments = usePayments(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  const items = useMemo(() => payments.data?.pages.flatMap((page) => page.items) ?? [], [payments.data]);
  const chosen = items.filter((p) => p.abilities.send && selected.has(p.id));
  if (payments.isPending) return <LoadingState label="Loading payments…" />;
  if (payments.isError) return <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />;
  const status = filters.status ?? 'draft';
  return (
    <div className="flex flex-col gap-4">
      {status === 'draft' && items.some((p) => p.abilities.send) ? (
        <div className="flex flex-col gap-2 rounded-lg border border-blue-200 bg-blue-50 p-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-slate-800" aria-live="polite">
            {chosen.length === 0 ? 'Select drafts to send them together as one batch.' : `${chosen.length} selected.`}
          </p>
          <Button isDisabled={chosen.length === 0} onPress={() => setSending(true)}>
            Send selected{chosen.length > 0 ? ` (${chosen.length})` : ''}
          </Button>
          {sending ? (
            <SendPaymentsDialog payments={chosen} isOpen={sending} onOpenChange={setSending} onSent={() => setSelected(new Set())} />
          ) : null}
        </div>
      ) : null}
      {items.length === 0 ? (
        hasPaymentFilters(filters) ? (
          <EmptyState
            title="Nothing matches these filters"
            description="Try other filters, or clear them."
            action={
              <Button variant="secondary" onPress={() => onFiltersChange({ status: filters.status })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Banknote}
            title={`No ${paymentStatusLabels[status].toLowerCase()} payments`}
            description={
              status === 'draft'
                ? 'Approving a milestone creates a draft here; you can also enter one with New payment.'
                : 'Payments show here as they move along: sent, confirmed by the contractor, or disputed.'
            }
          />
        )
      ) : (
        <PaymentTable
          label={`${paymentStatusLabels[status]} payments`}
          items={items}
          detailHref={detailHref}
          party="contractor"
          selection={
            status === 'draft'
              ? {
                  selected,
                  onToggle: (id, on) =>
                    setSelected((all) => {
                      const next = new Set(all);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    }),
                  onToggleAll: (on) => setSelected(on ? new Set(items.filter((p) => p.abilities.send).map((p) => p.id)) : new Set()),
                }
              : undefined
          }
        />
      )}
      <LoadMore query={payments} />
    </div>
  );
}

/** Pay contractors: payments by status, filters in the URL, totals per currency, batch sending. */
export function PayContractorsPage(props: PayContractorsPageProps) {
  const { filters, onFiltersChange, contractorOptions, engagementOptions, onCreated } = props;
  const { status: _status, ...totalsFilters } = filters;
  const totals = usePaymentTotals(totalsFilters);
  const status = filters.status ?? 'draft';
  const counts = new Map<string, number>();
  for (const t of totals.data?.totals ?? []) counts.set(t.status, (counts.get(t.status) ?? 0) + t.count);
  return (
    <>
      <PageHeader
        title="Pay contractors"
        description="Drafts from approved milestones and invoices, or entered by hand; send them with proof, one at a time or as a batch."
        actions={totals.data?.abilities.create ? <NewPaymentDialog engagementOptions={engagementOptions} onCreated={onCreated} /> : null}
      />
      <div className="flex flex-col gap-6">
        <Section title="Filters">
          <PaymentFiltersBar filters={filters} onChange={onFiltersChange} contractorOptions={contractorOptions} />
        </Section>
        <UrlTabs
          label="Payments by status"
          tabs={tabOrder.map((s) => ({ id: s, label: `${paymentStatusLabels[s]}${counts.get(s) ? ` (${counts.get(s)})` : ''}` }))}
          selected={status}
          onChange={(id) => onFiltersChange({ ...filters, status: id as PaymentStatus })}
        >
          <div className="flex flex-col gap-4">
            {totals.data ? <TotalsLine totals={totals.data.totals} status={status} /> : null}
            <PaymentList filters={{ ...filters, status }} onFiltersChange={onFiltersChange} detailHref={props.detailHref} />
          </div>
        </UrlTabs>
      </div>
    </>
  );
}

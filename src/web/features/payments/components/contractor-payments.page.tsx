import { Banknote } from 'lucide-react';
import { useMemo } from 'react';
import type { PaymentStatus } from '../../../../shared/domain/payment.machine.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { UrlTabs } from '../../../components/ui/tabs.tsx';
import { usePayments } from '../api/list-payments.query.ts';
import { paymentStatusLabels } from './payment-status.badge.tsx';
import { PaymentTable } from './payment-table.tsx';

const tabs = [
  { id: 'all', label: 'All' },
  ...(['sent', 'disputed', 'received', 'draft'] as const).map((s) => ({
    id: s,
    label: s === 'draft' ? 'Being prepared' : paymentStatusLabels[s],
  })),
];

export interface ContractorPaymentsPageProps {
  status?: PaymentStatus;
  onStatusChange: (status: PaymentStatus | undefined) => void;
  detailHref: (id: string) => string;
}

/** The contractor's payments from every organization: what was sent, when it should arrive, what to confirm. */
export function ContractorPaymentsPage({ status, onStatusChange, detailHref }: ContractorPaymentsPageProps) {
  const payments = usePayments({ status });
  const items = useMemo(() => payments.data?.pages.flatMap((page) => page.items) ?? [], [payments.data]);
  return (
    <>
      <PageHeader title="Payments" description="What each organization sent you, with the proof; confirm receipt or dispute a payment." />
      <UrlTabs
        label="Payments by status"
        tabs={tabs}
        selected={status ?? 'all'}
        onChange={(id) => onStatusChange(id === 'all' ? undefined : (id as PaymentStatus))}
      >
        {payments.isPending ? (
          <LoadingState label="Loading payments…" />
        ) : payments.isError ? (
          <ErrorState error={payments.error} onRetry={() => void payments.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={Banknote}
            title="No payments here yet"
            description="When an organization approves your work, its payment appears here, and you are told when it is sent."
          />
        ) : (
          <div className="flex flex-col gap-4">
            <PaymentTable label="Payments" items={items} detailHref={detailHref} party="organization" />
            <LoadMore query={payments} />
          </div>
        )}
      </UrlTabs>
    </>
  );
}

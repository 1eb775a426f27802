import { useState } from 'react';
import { invoiceStatusLabels } from '../../../../shared/domain/invoice.machine.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDate, formatMoney } from '../../../lib/format.intl.ts';
import { type JobInvoice, useApproveJobInvoice, useJobInvoices } from '../api/job-invoices.query.ts';

function ApproveInvoice({ invoice, jobId }: { invoice: JobInvoice; jobId: string }) {
  const approve = useApproveJobInvoice(jobId);
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const amount = formatMoney({ amountMinor: invoice.totalMinor, currency: invoice.currency });
  return (
    <>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <ConfirmDialog
        title={`Approve invoice ${invoice.number}`}
        message={`${amount} becomes a draft payment to ${invoice.contractor.name}, to send from Pay contractors.`}
        confirmLabel="Approve invoice"
        tone="primary"
        isOpen={isOpen}
        onOpenChange={setOpen}
        isPending={approve.isPending}
        trigger={<Button size="sm">Approve invoice</Button>}
        onConfirm={() => {
          setFailure(null);
          approve.mutate(invoice.id, {
            onSuccess: () => toastSuccess(`Invoice ${invoice.number} approved`, 'A draft payment is ready to send.'),
            onError: (error) => setFailure(describeError(error)),
            onSettled: () => setOpen(false),
          });
        }}
      />
    </>
  );
}

/** The job's invoice(s) ("invoice this job"): number, status, amount, a link to the invoice's page, and approve when allowed. */
export function JobInvoiceSection({ jobId, side }: { jobId: string; side: 'company' | 'contractor' }) {
  const invoices = useJobInvoices(jobId);
  const base = side === 'company' ? '/app/invoices' : '/portal/invoices';
  const items = invoices.data?.items ?? [];
  return (
    <Section title="Invoice" description="The contractor's invoice for this job; approving it makes the draft payment.">
      {invoices.isError ? <Alert tone="error">{describeError(invoices.error)}</Alert> : null}
      {invoices.isPending ? <p className="text-slate-700">Loading the invoice…</p> : null}
      {invoices.isSuccess && items.length === 0 ? (
        <p className="text-slate-700">
          {side === 'company'
            ? 'No invoice yet: the contractor sends one when completing the job.'
            : 'No invoice yet: use “Invoice this job”.'}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="flex flex-col gap-3" aria-label="Invoices for this job">
          {items.map((invoice) => (
            <li
              key={invoice.id}
              className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex flex-col gap-1">
                <TextLink href={`${base}/${encodeURIComponent(invoice.id)}`}>Invoice {invoice.number}</TextLink>
                <span className="flex flex-wrap items-center gap-2 text-slate-700">
                  <Badge tone={invoice.status === 'rejected' ? 'red' : invoice.status === 'paid' ? 'green' : 'blue'}>
                    {invoiceStatusLabels[invoice.status]}
                  </Badge>
                  <span>{formatMoney({ amountMinor: invoice.totalMinor, currency: invoice.currency })}</span>
                  <span>submitted {formatDate(invoice.submittedAt)}</span>
                </span>
                {invoice.rejectReason ? <span className="text-slate-700">Rejected: {invoice.rejectReason}</span> : null}
              </div>
              {invoice.abilities.approve ? <ApproveInvoice invoice={invoice} jobId={jobId} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

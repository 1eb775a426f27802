import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog, ModalDialog } from '../../../components/ui/dialog.tsx';
import { ButtonLink } from '../../../components/ui/link.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { invoiceEvents, useInvoiceEvent } from '../api/invoice-events.mutation.ts';
import type { InvoiceDetail } from '../api/invoice.types.ts';

/** The buttons of an invoice, from its `abilities` alone. */
export function InvoiceActions({ invoice, correctHref }: { invoice: InvoiceDetail; correctHref?: (id: string) => string }) {
  const approve = useInvoiceEvent(invoiceEvents.approve);
  const reject = useInvoiceEvent(invoiceEvents.reject);
  const withdraw = useInvoiceEvent(invoiceEvents.withdraw);
  const [open, setOpen] = useState<'approve' | 'reject' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const { abilities } = invoice;

  async function run(action: () => Promise<unknown>, done: string) {
    setFailure(null);
    try {
      await action();
      setOpen(null);
      toastSuccess(done);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  if (!abilities.approve && !abilities.reject && !abilities.withdraw && !(abilities.correct && correctHref)) return null;
  return (
    <div className="flex flex-col gap-3">
      {failure && !open ? <Alert tone="error">{failure}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {abilities.approve ? <Button onPress={() => setOpen('approve')}>Approve</Button> : null}
        {abilities.reject ? (
          <Button variant="secondary" onPress={() => setOpen('reject')}>
            Reject
          </Button>
        ) : null}
        {abilities.withdraw ? (
          <Button variant="secondary" onPress={() => setOpen('withdraw')}>
            Withdraw
          </Button>
        ) : null}
        {abilities.correct && correctHref ? <ButtonLink href={correctHref(invoice.id)}>Submit a corrected invoice</ButtonLink> : null}
      </div>
      <ConfirmDialog
        title={`Approve invoice ${invoice.number}?`}
        message="Its milestones’ draft payments are linked to it, and one draft payment is prepared for the rest of its total."
        confirmLabel="Approve"
        tone="primary"
        isOpen={open === 'approve'}
        onOpenChange={(next) => setOpen(next ? 'approve' : null)}
        isPending={approve.isPending}
        onConfirm={() => void run(() => approve.mutateAsync({ id: invoice.id }), 'Invoice approved')}
      />
      <ConfirmDialog
        title={`Withdraw invoice ${invoice.number}?`}
        message="The company will not review it. Its number and milestones become free for another invoice."
        confirmLabel="Withdraw"
        isOpen={open === 'withdraw'}
        onOpenChange={(next) => setOpen(next ? 'withdraw' : null)}
        isPending={withdraw.isPending}
        onConfirm={() => void run(() => withdraw.mutateAsync({ id: invoice.id }), 'Invoice withdrawn')}
      />
      <ModalDialog
        title={`Reject invoice ${invoice.number}`}
        isOpen={open === 'reject'}
        onOpenChange={(next) => setOpen(next ? 'reject' : null)}
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void run(() => reject.mutateAsync({ id: invoice.id, reason: reason.trim() }), 'Invoice rejected');
          }}
        >
          {failure && open === 'reject' ? <Alert tone="error">{failure}</Alert> : null}
          <TextField
            label="Reason"
            description="The contractor sees it and can submit a corrected invoice."
            multiline
            rows={3}
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={2000}
            autoFocus
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onPress={() => setOpen(null)} isDisabled={reject.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" isDisabled={reject.isPending || !reason.trim()}>
              {reject.isPending ? 'Rejecting…' : 'Reject'}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}

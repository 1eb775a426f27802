import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog, ModalDialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { paymentEvents, usePaymentEvent } from '../api/payment-events.mutation.ts';
import type { PaymentDetail } from '../api/payment.types.ts';
import { AdjustPaymentDialog } from './new-payment.dialog.tsx';
import { NoteDialog } from './note.dialog.tsx';
import { SendPaymentsDialog } from './send-payments.dialog.tsx';

function CancelDialog({ payment }: { payment: PaymentDetail }) {
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const cancel = usePaymentEvent(paymentEvents.cancel);
  return (
    <ModalDialog
      title="Cancel this payment?"
      isOpen={isOpen}
      onOpenChange={setOpen}
      trigger={<Button variant="danger">Cancel payment</Button>}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) return setError('Say why the payment is cancelled.');
          cancel.mutate(
            { id: payment.id, reason: reason.trim() },
            {
              onSuccess: () => {
                toastSuccess('Payment cancelled', 'The contractor sees the reason.');
                setOpen(false);
              },
              onError: (e) => toastError('The payment was not cancelled', describeError(e)),
            },
          );
        }}
      >
        <TextField
          label="Reason (the contractor sees it)"
          value={reason}
          onChange={setReason}
          multiline
          rows={3}
          isRequired
          errorMessage={error}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={cancel.isPending}>
            Keep it
          </Button>
          <Button type="submit" variant="danger" isDisabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel payment'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

function ConfirmEvent({
  label,
  title,
  message,
  run,
  done,
}: {
  label: string;
  title: string;
  message: string;
  run: () => Promise<unknown>;
  done: string;
}) {
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={label}
      tone="primary"
      isOpen={isOpen}
      onOpenChange={setOpen}
      isPending={pending}
      trigger={<Button>{label}</Button>}
      onConfirm={() => {
        setPending(true);
        run()
          .then(() => {
            toastSuccess(done);
            setOpen(false);
          })
          .catch((e: unknown) => toastError(`${label} failed`, describeError(e)))
          .finally(() => setPending(false));
      }}
    />
  );
}

/** The buttons of a payment: exactly what its abilities allow, nothing else. */
export function PaymentActions({ payment, onAdjusted }: { payment: PaymentDetail; onAdjusted?: (p: PaymentDetail) => void }) {
  const a = payment.abilities;
  const [sending, setSending] = useState(false);
  const approve = usePaymentEvent(paymentEvents.approve);
  const confirm = usePaymentEvent(paymentEvents.confirmReceipt);
  const dispute = usePaymentEvent(paymentEvents.dispute);
  const resolveSent = usePaymentEvent(paymentEvents.resolveAsSent);
  const resolveReceived = usePaymentEvent(paymentEvents.resolveAsReceived);
  const id = payment.id;
  const any = a.approve || a.send || a.cancel || a.adjust || a.confirmReceipt || a.dispute || a.resolveAsSent || a.resolveAsReceived;
  if (!any) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {a.approve ? (
        <ConfirmEvent
          label="Approve"
          title="Give the second approval?"
          message="You confirm this payment may be sent. Someone other than you will send it."
          done="Payment approved"
          run={() => approve.mutateAsync({ id })}
        />
      ) : null}
      {a.send ? (
        <>
          <Button onPress={() => setSending(true)}>Send payment</Button>
          {sending ? <SendPaymentsDialog payments={[payment]} isOpen={sending} onOpenChange={setSending} /> : null}
        </>
      ) : null}
      {a.confirmReceipt ? (
        <ConfirmEvent
          label="Confirm receipt"
          title="Did the money arrive?"
          message="Confirming tells the company the payment reached you; it is recorded on the audit trail."
          done="Receipt confirmed"
          run={() => confirm.mutateAsync({ id })}
        />
      ) : null}
      {a.dispute ? (
        <NoteDialog
          trigger="Dispute"
          title="Dispute this payment"
          label="What is wrong? (e.g. nothing arrived, a different amount)"
          submitLabel="Dispute"
          done="Payment disputed: the company was told"
          engagementId={payment.engagementId}
          fileLabel="A screenshot of your account (optional)"
          run={(note) => dispute.mutateAsync({ id, ...note })}
        />
      ) : null}
      {a.resolveAsSent ? (
        <NoteDialog
          trigger="Resolve as sent"
          title="The payment stands as sent"
          label="Your answer to the contractor"
          submitLabel="Resolve as sent"
          done="Dispute resolved as sent"
          engagementId={payment.engagementId}
          fileLabel="More proof (optional)"
          run={(note) => resolveSent.mutateAsync({ id, ...note })}
        />
      ) : null}
      {a.resolveAsReceived ? (
        <NoteDialog
          trigger="Resolve as received"
          title="The money arrived"
          label="A note for the record"
          submitLabel="Resolve as received"
          done="Dispute resolved as received"
          engagementId={payment.engagementId}
          run={(note) => resolveReceived.mutateAsync({ id, ...note })}
        />
      ) : null}
      {a.adjust ? <AdjustPaymentDialog payment={payment} onCreated={onAdjusted} /> : null}
      {a.cancel ? <CancelDialog payment={payment} /> : null}
    </div>
  );
}

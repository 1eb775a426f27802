import { useMemo, useState } from 'react';
import { type PaymentMethod, paymentMethodLabels, paymentMethods } from '../../../../shared/domain/payment.rules.ts';
import { sumByCurrency } from '../../../../shared/domain/money.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { formatMoney, todayDay } from '../../../lib/format.intl.ts';
import { downloadBatchCsv } from '../api/batch-csv.ts';
import { newIdempotencyKey } from '../api/payment.cache.ts';
import type { Payment, PaymentBatchResult } from '../api/payment.types.ts';
import { useSendBatch, useSendPayment } from '../api/send-payment.mutation.ts';
import { ProofField, useProofUpload } from './proof.upload.tsx';

const methodOptions = paymentMethods.map((m) => ({ id: m, label: paymentMethodLabels[m] }));

function defaultReference(payment: Payment): string {
  return (payment.description ?? 'Payment').slice(0, 140);
}

export interface SendPaymentsDialogProps {
  /** One draft (its own proof) or several (one proof for the batch). */
  payments: readonly Payment[];
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onSent?: () => void;
}

/** Send one draft, or many as one batch: method, dates, references, proof; then the batch CSV for the bank. */
export function SendPaymentsDialog({ payments, isOpen, onOpenChange, onSent }: SendPaymentsDialogProps) {
  const single = payments.length === 1 ? payments[0]! : null;
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [sentOn, setSentOn] = useState(todayDay());
  const [expectedOn, setExpectedOn] = useState('');
  const [references, setReferences] = useState<Record<string, string>>({});
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [batch, setBatch] = useState<PaymentBatchResult['batch'] | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const proof = useProofUpload(single ? single.engagementId : undefined);
  const sendOne = useSendPayment();
  const sendMany = useSendBatch();
  const pending = sendOne.isPending || sendMany.isPending;
  const totals = useMemo(() => sumByCurrency(payments.map((p) => ({ amountMinor: p.amountMinor, currency: p.currency }))), [payments]);
  const referenceOf = (p: Payment) => references[p.id] ?? defaultReference(p);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.fieldErrors.length > 0)
      setFieldErrors(Object.fromEntries(error.fieldErrors.map((f) => [f.path.replace(/^body\./, ''), f.message])));
    toastError(single ? 'The payment was not sent' : 'The batch was not sent', describeError(error));
  };
  const submit = () => {
    setFieldErrors({});
    const common = { method, sentOn, expectedOn: expectedOn || undefined, idempotencyKey };
    if (single)
      sendOne.mutate(
        { ...common, id: single.id, amountMinor: single.amountMinor, reference: referenceOf(single), proofFileId: proof.fileId },
        {
          onSuccess: () => {
            toastSuccess('Payment sent', `${formatMoney(single)} to ${single.contractorName}; they were told.`);
            onSent?.();
            onOpenChange(false);
          },
          onError,
        },
      );
    else
      sendMany.mutate(
        {
          ...common,
          proofFileId: proof.fileId,
          items: payments.map((p) => ({ paymentId: p.id, amountMinor: p.amountMinor, reference: referenceOf(p) })),
        },
        {
          onSuccess: (result) => {
            setBatch(result.batch);
            onSent?.();
          },
          onError,
        },
      );
  };

  const title = single ? `Send ${formatMoney(single)} to ${single.contractorName}` : `Send ${payments.length} payments as one batch`;
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      {batch ? (
        <div className="flex flex-col gap-4">
          <Alert tone="success" title={`${batch.paymentCount} payments sent`}>
            Each contractor was told. Download the batch for your bank's bulk upload.
          </Alert>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onPress={() => onOpenChange(false)}>
              Close
            </Button>
            <Button onPress={() => void downloadBatchCsv(batch.id).catch((e: unknown) => toastError('Download failed', describeError(e)))}>
              Download batch CSV
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="text-slate-700">
            Total: <MoneyAmounts amounts={totals} />. Amounts are sent as recorded; correct a sent payment with an adjustment.
          </p>
          <SelectField
            label="Method"
            options={methodOptions}
            value={method}
            onChange={(v) => v && setMethod(v as PaymentMethod)}
            isRequired
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Sent on"
              description="YYYY-MM-DD"
              value={sentOn}
              onChange={setSentOn}
              isRequired
              errorMessage={fieldErrors.sentOn}
            />
            <TextField
              label="Expected arrival"
              description="YYYY-MM-DD, optional"
              value={expectedOn}
              onChange={setExpectedOn}
              errorMessage={fieldErrors.expectedOn}
            />
          </div>
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium text-slate-900">{single ? 'Reference' : 'References'}</legend>
            {payments.map((p, i) => (
              <TextField
                key={p.id}
                label={single ? 'Reference of the transfer' : `${p.contractorName}: ${formatMoney(p)}`}
                value={referenceOf(p)}
                onChange={(value) => setReferences((all) => ({ ...all, [p.id]: value }))}
                isRequired
                maxLength={140}
                errorMessage={fieldErrors[single ? 'reference' : `items.${i}.reference`]}
              />
            ))}
          </fieldset>
          <ProofField label={single ? 'Proof of payment' : 'Proof of payment for the whole batch'} proof={proof} />
          {fieldErrors.proofFileId ? <p className="text-sm font-medium text-red-700">{fieldErrors.proofFileId}</p> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={pending}>
              Cancel
            </Button>
            <Button type="submit" isDisabled={pending || proof.isUploading}>
              {pending
                ? `Sending ${payments.length === 1 ? 'payment' : `${payments.length} payments`}…`
                : single
                  ? 'Send payment'
                  : 'Send batch'}
            </Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { type SelectOption, SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { formatMoney } from '../../../lib/format.intl.ts';
import { moneyInputExample, parseMoneyInput } from '../../../lib/money.input.ts';
import { useAdjustPayment, useCreatePayment } from '../api/create-payment.mutation.ts';
import { newIdempotencyKey } from '../api/payment.cache.ts';
import type { PaymentDetail } from '../api/payment.types.ts';

interface AmountFormProps {
  title: string;
  /** A new draft chooses the engagement and currency; an adjustment takes the sent payment's. */
  engagementOptions?: readonly SelectOption[];
  fixedCurrency?: string;
  submitLabel: string;
  isPending: boolean;
  onSubmit: (value: { engagementId?: string; amountMinor: number; currency: string; description: string }) => void;
  onCancel: () => void;
  fieldErrors: Record<string, string>;
}

function AmountForm({ engagementOptions, fixedCurrency, submitLabel, isPending, onSubmit, onCancel, fieldErrors }: AmountFormProps) {
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [currency, setCurrency] = useState(fixedCurrency ?? 'EUR');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...fieldErrors, ...errors };
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseMoneyInput(amount, currency);
        const next: Record<string, string> = {};
        if (!parsed.ok) next.amountMinor = parsed.message;
        if (engagementOptions && !engagementId) next.engagementId = 'Choose the contractor to pay.';
        if (!description.trim()) next.description = 'Say what the payment is for.';
        setErrors(next);
        if (Object.keys(next).length > 0 || !parsed.ok) return;
        onSubmit({ engagementId: engagementId ?? undefined, amountMinor: parsed.amountMinor, currency, description: description.trim() });
      }}
    >
      {engagementOptions ? (
        <SelectField
          label="Contractor"
          options={engagementOptions}
          value={engagementId}
          onChange={setEngagementId}
          isRequired
          errorMessage={shown.engagementId}
          placeholder={engagementOptions.length === 0 ? 'No active contractors yet' : 'Choose…'}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextField
          label="Amount"
          description={`For example ${moneyInputExample(currency)}`}
          value={amount}
          onChange={setAmount}
          isRequired
          inputMode="decimal"
          errorMessage={shown.amountMinor}
        />
        <TextField
          label="Currency"
          value={currency}
          onChange={(v) => setCurrency(v.toUpperCase().slice(0, 3))}
          isReadOnly={Boolean(fixedCurrency)}
          isRequired
          errorMessage={shown.currency}
        />
      </div>
      <TextField
        label="What it is for"
        value={description}
        onChange={setDescription}
        isRequired
        maxLength={500}
        multiline
        rows={2}
        errorMessage={shown.description}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          Cancel
        </Button>
        <Button type="submit" isDisabled={isPending}>
          {isPending ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function serverFieldErrors(error: unknown): Record<string, string> {
  return isApiError(error) ? Object.fromEntries(error.fieldErrors.map((f) => [f.path.replace(/^body\./, ''), f.message])) : {};
}

/** "New payment": a draft by hand for a contractor the organization engages. */
export function NewPaymentDialog({
  engagementOptions,
  onCreated,
}: {
  engagementOptions: readonly SelectOption[];
  onCreated?: (p: PaymentDetail) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useCreatePayment();
  const open = (next: boolean) => {
    if (next) setKey(newIdempotencyKey());
    create.reset();
    setOpen(next);
  };
  return (
    <ModalDialog title="New payment" isOpen={isOpen} onOpenChange={open} trigger={<Button>New payment</Button>}>
      <AmountForm
        title="New payment"
        engagementOptions={engagementOptions}
        submitLabel="Create draft"
        isPending={create.isPending}
        fieldErrors={serverFieldErrors(create.error)}
        onCancel={() => open(false)}
        onSubmit={(value) =>
          create.mutate(
            {
              engagementId: value.engagementId!,
              amountMinor: value.amountMinor,
              currency: value.currency,
              description: value.description,
              idempotencyKey: key,
            },
            {
              onSuccess: (payment) => {
                toastSuccess('Draft created', `${formatMoney(payment)} for ${payment.contractorName}.`);
                setOpen(false);
                onCreated?.(payment);
              },
              onError: (error) => toastError('The draft was not created', describeError(error)),
            },
          )
        }
      />
    </ModalDialog>
  );
}

/** "Adjust": a new draft linked to a sent payment, in its currency. */
export function AdjustPaymentDialog({ payment, onCreated }: { payment: PaymentDetail; onCreated?: (p: PaymentDetail) => void }) {
  const [isOpen, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const adjust = useAdjustPayment();
  const open = (next: boolean) => {
    if (next) setKey(newIdempotencyKey());
    adjust.reset();
    setOpen(next);
  };
  return (
    <ModalDialog title="Adjust this payment" isOpen={isOpen} onOpenChange={open} trigger={<Button variant="secondary">Adjust</Button>}>
      <p className="text-slate-700">A sent payment is never edited: the difference is paid as a new payment linked to this one.</p>
      <AmountForm
        title="Adjust"
        fixedCurrency={payment.currency}
        submitLabel="Create adjustment"
        isPending={adjust.isPending}
        fieldErrors={serverFieldErrors(adjust.error)}
        onCancel={() => open(false)}
        onSubmit={(value) =>
          adjust.mutate(
            { id: payment.id, amountMinor: value.amountMinor, description: value.description, idempotencyKey: key },
            {
              onSuccess: (created) => {
                toastSuccess('Adjustment created', `A draft of ${formatMoney(created)} linked to this payment.`);
                setOpen(false);
                onCreated?.(created);
              },
              onError: (error) => toastError('The adjustment was not created', describeError(error)),
            },
          )
        }
      />
    </ModalDialog>
  );
}

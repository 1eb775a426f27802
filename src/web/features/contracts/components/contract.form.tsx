import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { rateTypes } from '../../../../shared/domain/contract.machine.ts';
import { getMinorDigits, isKnownCurrency } from '../../../../shared/domain/money.ts';
import { createContractSchema } from '../../../../shared/schemas/contract.schema.ts';
import { amountMinorSchema, currencySchema, dateSchema } from '../../../../shared/schemas/money.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ButtonLink } from '../../../components/ui/link.tsx';
import type { SelectOption } from '../../../components/ui/select.tsx';
import { FormSelectField } from '../../../components/ui/select.form.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatMoneyInput, moneyInputExample, parseMoneyInput } from '../../../lib/money.input.ts';
import type { Contract, CreateContractInput, UpdateContractInput } from '../api/contract.types.ts';
import { rateTypeOptions } from './contract.format.ts';
import { htmlToText, textToHtml } from './scope.text.ts';

const rateHelp: Record<string, string> = {
  fixed: 'The price of the whole contract.',
  hourly: 'What one hour of work costs.',
  daily: 'What one day of work costs.',
  milestone: 'The total of the milestones; each milestone pays its own amount.',
};

/** The form as people fill it in: text everywhere, turned into the API's terms on submit. */
const contractFormSchema = z
  .object({
    engagementId: z.string().min(1, 'Choose who the contract is with.'),
    title: createContractSchema.shape.title,
    scopeText: z.string().max(40_000, 'The scope is too long.'),
    rateType: z.enum(rateTypes, { error: 'Choose how the work is paid.' }),
    rateAmount: z.string(),
    currency: z.string().trim().toUpperCase().pipe(currencySchema),
    startDate: dateSchema,
    endDate: z.union([z.literal(''), dateSchema]),
    ipClause: z.string().trim().max(10_000, 'Use at most 10,000 characters.'),
    noticePeriodDays: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, 'Enter a whole number of days (0 for none).')
      .refine((value) => Number(value) <= 3650, 'At most 3,650 days.'),
  })
  .superRefine((values, ctx) => {
    const currency = values.currency.trim().toUpperCase();
    if (isKnownCurrency(currency)) {
      const parsed = parseMoneyInput(values.rateAmount, currency);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['rateAmount'], message: parsed.message });
      else {
        const checked = amountMinorSchema.safeParse(parsed.amountMinor);
        if (!checked.success)
          ctx.addIssue({ code: 'custom', path: ['rateAmount'], message: checked.error.issues[0]?.message ?? 'Check the amount.' });
      }
    }
    if (values.endDate && values.endDate < values.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the start date.' });
  })
  .transform((values): CreateContractInput => {
    const parsed = parseMoneyInput(values.rateAmount, values.currency);
    return {
      engagementId: values.engagementId,
      title: values.title,
      scopeHtml: textToHtml(values.scopeText),
      rateType: values.rateType,
      rateAmountMinor: parsed.ok ? parsed.amountMinor : 0,
      currency: values.currency,
      startDate: values.startDate,
      endDate: values.endDate || null,
      ipClause: values.ipClause,
      noticePeriodDays: Number(values.noticePeriodDays),
    };
  });

export type ContractFormValues = z.input<typeof contractFormSchema>;

const fieldNames = [
  'engagementId',
  'title',
  'scopeText',
  'rateType',
  'rateAmount',
  'currency',
  'startDate',
  'endDate',
  'ipClause',
  'noticePeriodDays',
] as const;

/** Server paths that name API fields rather than form fields. */
const serverNames = { scopeHtml: 'scopeText', rateAmountMinor: 'rateAmount' } as const;

export function emptyContractValues(engagementId = ''): ContractFormValues {
  return {
    engagementId,
    title: '',
    scopeText: '',
    rateType: 'fixed',
    rateAmount: '',
    currency: 'EUR',
    startDate: '',
    endDate: '',
    ipClause: '',
    noticePeriodDays: '0',
  };
}

export function contractValues(contract: Contract): ContractFormValues {
  return {
    engagementId: contract.engagementId,
    title: contract.title,
    scopeText: htmlToText(contract.scopeHtml),
    rateType: contract.rateType,
    rateAmount: formatMoneyInput(contract.rateAmountMinor, contract.currency),
    currency: contract.currency,
    startDate: contract.startDate,
    endDate: contract.endDate ?? '',
    ipClause: contract.ipClause,
    noticePeriodDays: String(contract.noticePeriodDays),
  };
}

/** Only the terms that differ from the contract's: each one becomes part of a revision. */
function changesFrom(contract: Contract, next: CreateContractInput, scopeTouched: boolean): UpdateContractInput {
  const changes: UpdateContractInput = {};
  if (next.title !== contract.title) changes.title = next.title;
  if (scopeTouched) changes.scopeHtml = next.scopeHtml;
  if (next.rateType !== contract.rateType) changes.rateType = next.rateType;
  if (next.rateAmountMinor !== contract.rateAmountMinor) changes.rateAmountMinor = next.rateAmountMinor;
  if (next.currency !== contract.currency) changes.currency = next.currency;
  if (next.startDate !== contract.startDate) changes.startDate = next.startDate;
  if (next.endDate !== contract.endDate) changes.endDate = next.endDate;
  if (next.ipClause !== contract.ipClause) changes.ipClause = next.ipClause;
  if (next.noticePeriodDays !== contract.noticePeriodDays) changes.noticePeriodDays = next.noticePeriodDays;
  return changes;
}

export interface EngagementChoice {
  options: readonly SelectOption[];
  isPending: boolean;
  error: string | null;
}

export interface ContractFormProps {
  initial: ContractFormValues;
  /** Editing: the contract as it is. Creating: undefined. */
  contract?: Contract;
  /** Creating: who the contract can be with (active engagements). */
  engagements?: EngagementChoice;
  cancelHref: string;
  isPending: boolean;
  onCreate?: (input: CreateContractInput) => Promise<unknown>;
  onUpdate?: (changes: UpdateContractInput) => Promise<unknown>;
}

export function ContractForm({ initial, contract, engagements, cancelHref, isPending, onCreate, onUpdate }: ContractFormProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const form = useForm({ resolver: resolveWith(contractFormSchema), defaultValues: initial });
  const rateType = useWatch({ control: form.control, name: 'rateType' });
  const currency = (useWatch({ control: form.control, name: 'currency' }) ?? '').trim().toUpperCase();
  const knownCurrency = isKnownCurrency(currency);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setNothingChanged(false);
    try {
      if (contract && onUpdate) {
        const changes = changesFrom(contract, values, form.getValues('scopeText') !== initial.scopeText);
        if (Object.keys(changes).length === 0) {
          setNothingChanged(true);
          return;
        }
        await onUpdate(changes);
      } else if (onCreate) {
        await onCreate(values);
      }
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fieldNames, serverNames));
    }
  });

  const isActive = contract?.status === 'active';
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {isActive ? (
        <Alert tone="warning" title={`Saving creates revision ${contract.revision + 1}`}>
          This contract is active. Every change you save is recorded as a new revision, and {contract.contractor.name} is asked to
          acknowledge it.
        </Alert>
      ) : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {nothingChanged ? <Alert tone="info">Nothing changed, so there is nothing to save.</Alert> : null}

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">The contract</legend>
        {engagements ? (
          <>
            <FormSelectField
              control={form.control}
              name="engagementId"
              label="Contractor"
              options={engagements.options}
              isRequired
              isDisabled={engagements.isPending || engagements.options.length === 0}
              placeholder={engagements.isPending ? 'Loading contractors…' : 'Choose a contractor'}
              description="Contracts can be made with contractors whose engagement is active."
            />
            {engagements.error ? <Alert tone="error">{engagements.error}</Alert> : null}
            {!engagements.isPending && !engagements.error && engagements.options.length === 0 ? (
              <Alert tone="info">
                No contractor has an active engagement yet. Invite a contractor first; once they join, you can make a contract with them.
              </Alert>
            ) : null}
          </>
        ) : contract ? (
          <p className="text-slate-700">
            With <span className="font-medium text-slate-900">{contract.contractor.name}</span>
          </p>
        ) : null}
        <FormTextField control={form.control} name="title" label="Title" isRequired />
        <FormTextField
          control={form.control}
          name="scopeText"
          label="Scope"
          multiline
          rows={8}
          description='What the contractor delivers. Leave an empty line between paragraphs; start lines with "- " for a bulleted list or "1. " for a numbered one.'
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">Rate</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormSelectField control={form.control} name="rateType" label="Rate type" options={rateTypeOptions} isRequired />
          <FormTextField
            control={form.control}
            name="rateAmount"
            label="Amount"
            inputMode="decimal"
            autoComplete="off"
            isRequired
            description={`${rateHelp[rateType ?? 'fixed'] ?? ''} For example ${moneyInputExample(knownCurrency ? currency : 'EUR')}${knownCurrency && getMinorDigits(currency) === 0 ? ' (no decimals)' : ''}.`}
          />
          <FormTextField
            control={form.control}
            name="currency"
            label="Currency"
            autoComplete="off"
            isRequired
            description="A three-letter code, such as EUR, USD or GBP."
            className="sm:max-w-40"
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">Term and conditions</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField control={form.control} name="startDate" label="Start date" type="date" isRequired />
          <FormTextField
            control={form.control}
            name="endDate"
            label="End date"
            type="date"
            description="Leave empty for a contract without an end date."
          />
        </div>
        <FormTextField
          control={form.control}
          name="noticePeriodDays"
          label="Notice period (days)"
          inputMode="numeric"
          autoComplete="off"
          description="How many days' notice either side gives to end the contract; 0 for none."
          className="sm:max-w-60"
        />
        <FormTextField
          control={form.control}
          name="ipClause"
          label="Intellectual property clause"
          multiline
          description="Who owns the work, and from when."
        />
      </fieldset>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" isDisabled={isPending}>
          {isPending ? 'Saving…' : contract ? (isActive ? 'Save as a new revision' : 'Save changes') : 'Create draft contract'}
        </Button>
      </div>
    </form>
  );
}

import { Plus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { getMinorDigits } from '../../../../shared/domain/money.ts';
import { createMilestoneSchema } from '../../../../shared/schemas/milestone.schema.ts';
import { amountMinorSchema, dateSchema } from '../../../../shared/schemas/money.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { describeValue, StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import { formatMoneyInput, moneyInputExample, parseMoneyInput } from '../../../lib/money.input.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useCreateMilestone } from '../api/create-milestone.mutation.ts';
import type { MilestoneDetail, UpdateMilestoneInput } from '../api/milestone.types.ts';
import { useMilestoneEdit } from '../api/update-milestone.mutation.ts';

/** The milestone form as typed; the amount is text in the user's locale, in the contract's currency. */
function milestoneFormSchema(currency: string) {
  return z
    .object({
      title: createMilestoneSchema.shape.title,
      description: z.string().trim().max(10_000, 'Use at most 10,000 characters.'),
      dueDate: dateSchema,
      amount: z.string(),
    })
    .superRefine((values, ctx) => {
      const parsed = parseMoneyInput(values.amount, currency);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.message });
      else {
        const checked = amountMinorSchema.safeParse(parsed.amountMinor);
        if (!checked.success)
          ctx.addIssue({ code: 'custom', path: ['amount'], message: checked.error.issues[0]?.message ?? 'Check the amount.' });
      }
    })
    .transform((values) => {
      const parsed = parseMoneyInput(values.amount, currency);
      return {
        title: values.title,
        description: values.description,
        dueDate: values.dueDate,
        amountMinor: parsed.ok ? parsed.amountMinor : 0,
      };
    });
}

const fields = ['title', 'description', 'dueDate', 'amount'] as const;
const serverNames = { amountMinor: 'amount', currency: 'amount' } as const;

export interface ContractTermInfo {
  currency: string;
  startDate: string;
  endDate: string | null;
}

function amountHelp(currency: string): string {
  return `In ${currency}, for example ${moneyInputExample(currency)}${getMinorDigits(currency) === 0 ? ' (no decimals)' : ''}.`;
}

function dueHelp(term: ContractTermInfo): string {
  return term.endDate
    ? `Between ${formatDay(term.startDate)} and ${formatDay(term.endDate)}, the contract's term.`
    : `On or after ${formatDay(term.startDate)}, when the contract starts.`;
}

export interface AddMilestoneDialogProps {
  contractId: string;
  engagementId: string;
  term: ContractTermInfo;
  onAdded?: (milestone: MilestoneDetail) => void;
}

/** Title, due date and amount are required; a description and attachments are optional. */
export function AddMilestoneDialog({ contractId, engagementId, term, onAdded }: AddMilestoneDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateMilestone();
  const uploads = useUploads(engagementId);
  const empty = { title: '', description: '', dueDate: '', amount: '' };
  const resolver = useMemo(() => resolveWith(milestoneFormSchema(term.currency)), [term.currency]);
  const form = useForm({ resolver, defaultValues: empty });

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      form.reset(empty);
      uploads.reset();
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (uploads.isUploading) {
      setFailure('Wait for the attachments to finish uploading.');
      return;
    }
    try {
      const milestone = await create.mutateAsync({
        contractId,
        input: { ...values, currency: term.currency, fileIds: uploads.doneFiles.map((f) => f.id) },
      });
      toastSuccess('Milestone added', milestone.title);
      changeOpen(false);
      onAdded?.(milestone);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fields, serverNames));
    }
  });

  return (
    <ModalDialog
      title="Add a milestone"
      isOpen={isOpen}
      onOpenChange={changeOpen}
      trigger={
        <Button>
          <Plus aria-hidden="true" className="size-4" />
          Add milestone
        </Button>
      }
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="title" label="Title" isRequired />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField control={form.control} name="dueDate" label="Due date" type="date" isRequired description={dueHelp(term)} />
          <FormTextField
            control={form.control}
            name="amount"
            label="Amount"
            inputMode="decimal"
            autoComplete="off"
            isRequired
            description={amountHelp(term.currency)}
          />
        </div>
        <FormTextField
          control={form.control}
          name="description"
          label="Description"
          multiline
          rows={3}
          description="Optional: what is delivered."
        />
        <FileDrop label="Attachments (optional)" onFiles={uploads.add} buttonLabel="Choose files" />
        <UploadList items={uploads.items} onRemove={uploads.remove} label="Attachments being uploaded" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={create.isPending || uploads.isUploading}>
            {create.isPending ? 'Adding…' : 'Add milestone'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

const milestoneLabels: Record<string, string> = { title: 'Title', description: 'Description', dueDate: 'Due date', amountMinor: 'Amount' };

/** The person's unsaved values beside the ones saved meanwhile. */
function milestoneStaleFields(changes: UpdateMilestoneInput, current: MilestoneDetail) {
  const show = (key: string, value: unknown) =>
    key === 'amountMinor' && typeof value === 'number'
      ? formatMoney({ amountMinor: value, currency: current.currency })
      : describeValue(value);
  return Object.entries(changes).map(([key, value]) => ({
    label: milestoneLabels[key] ?? key,
    yours: show(key, value),
    current: show(key, current[key as keyof MilestoneDetail]),
  }));
}

export interface EditMilestoneDialogProps {
  milestone: MilestoneDetail;
  term: ContractTermInfo | null;
}

/**
 * Edit a milestone; once approved, its amount and due date are frozen (the payment refers to them).
 * Opened by its launcher on the milestone page, which loads this file when it is wanted.
 */
export function EditMilestoneDialog({ milestone, term, isOpen, onOpenChange }: EditMilestoneDialogProps & LaunchedDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const edit = useMilestoneEdit(milestone.id);
  const frozen = !milestone.abilities.editAmountAndDueDate;
  const initial = {
    title: milestone.title,
    description: milestone.description,
    dueDate: milestone.dueDate,
    amount: formatMoneyInput(milestone.amountMinor, milestone.currency),
  };
  const resolver = useMemo(() => resolveWith(milestoneFormSchema(milestone.currency)), [milestone.currency]);
  const form = useForm({ resolver, defaultValues: initial });

  // Each opening starts from the milestone as it is now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on opening only, not on every render's `initial`.
  useEffect(() => {
    if (isOpen) form.reset(initial);
  }, [isOpen]);

  function changeOpen(open: boolean) {
    onOpenChange(open);
    if (!open) {
      setFailure(null);
      edit.dismiss();
    }
  }

  async function save(run: () => Promise<MilestoneDetail | null>) {
    setFailure(null);
    try {
      const saved = await run();
      if (!saved) return;
      toastSuccess('Milestone saved', saved.title);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fields, serverNames));
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const changes: UpdateMilestoneInput = {};
    if (values.title !== milestone.title) changes.title = values.title;
    if (values.description !== milestone.description) changes.description = values.description;
    if (!frozen && values.dueDate !== milestone.dueDate) changes.dueDate = values.dueDate;
    if (!frozen && values.amountMinor !== milestone.amountMinor) changes.amountMinor = values.amountMinor;
    if (Object.keys(changes).length === 0) {
      changeOpen(false);
      return;
    }
    await save(() => edit.save(milestone.version, changes));
  });

  return (
    <ModalDialog title="Edit the milestone" isOpen={isOpen} onOpenChange={changeOpen}>
      {frozen ? <Alert tone="info">This milestone is {milestone.status}: its amount and due date are frozen.</Alert> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <StaleVersionAlert
          what="this milestone"
          fields={milestoneStaleFields(edit.conflict.changes, edit.conflict.current)}
          onReapply={() => void save(edit.reapply)}
          onDiscard={() => {
            edit.dismiss();
            form.reset(initial);
          }}
          isPending={edit.isReapplying}
        />
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="title" label="Title" isRequired />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={form.control}
            name="dueDate"
            label="Due date"
            type="date"
            isRequired
            isReadOnly={frozen}
            description={term && !frozen ? dueHelp(term) : undefined}
          />
          <FormTextField
            control={form.control}
            name="amount"
            label="Amount"
            inputMode="decimal"
            autoComplete="off"
            isRequired
            isReadOnly={frozen}
            description={frozen ? undefined : amountHelp(milestone.currency)}
          />
        </div>
        <FormTextField control={form.control} name="description" label="Description" multiline rows={3} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={form.formState.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={form.formState.isSubmitting || edit.isReapplying}>
            {form.formState.isSubmitting ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

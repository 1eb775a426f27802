import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { approveMilestoneSchema, requestChangesSchema } from '../../../../shared/schemas/milestone.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatMoney } from '../../../lib/format.intl.ts';
import { useApproveMilestone } from '../api/approve-milestone.mutation.ts';
import type { MilestoneDetail } from '../api/milestone.types.ts';
import { useRequestChanges } from '../api/request-changes.mutation.ts';

export interface ReviewDialogProps {
  milestone: MilestoneDetail;
}

/** Approve, with an optional note: opened by a launcher on the milestone page (the form loads with it). */
export function ApproveDialog({ milestone, isOpen, onOpenChange }: ReviewDialogProps & LaunchedDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const approve = useApproveMilestone();
  const form = useForm({ resolver: resolveWith(approveMilestoneSchema), defaultValues: { note: '' } });
  const amount = formatMoney({ amountMinor: milestone.amountMinor, currency: milestone.currency });

  function changeOpen(open: boolean) {
    onOpenChange(open);
    if (!open) {
      form.reset({ note: '' });
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await approve.mutateAsync({ id: milestone.id, note: values.note || undefined });
      toastSuccess('Milestone approved', `A draft payment of ${amount} was created.`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['note']));
    }
  });

  return (
    <ModalDialog title="Approve this milestone?" isOpen={isOpen} onOpenChange={changeOpen}>
      <p className="text-slate-700">
        A draft payment of <span className="font-semibold text-slate-900">{amount}</span> is created for {milestone.contractor.name}, and
        they are told. The amount and due date can no longer change.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="note" label="Note for the contractor" multiline rows={3} description="Optional." />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={approve.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={approve.isPending}>
            {approve.isPending ? 'Approving…' : 'Approve and create draft payment'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** Send the milestone back with a reason: opened by a launcher on the milestone page. */
export function RequestChangesDialog({ milestone, isOpen, onOpenChange }: ReviewDialogProps & LaunchedDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const requestChanges = useRequestChanges();
  const form = useForm({ resolver: resolveWith(requestChangesSchema), defaultValues: { reason: '' } });

  function changeOpen(open: boolean) {
    onOpenChange(open);
    if (!open) {
      form.reset({ reason: '' });
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await requestChanges.mutateAsync({ id: milestone.id, reason: values.reason });
      toastSuccess('Changes requested', `${milestone.contractor.name} sees your reason and can submit again.`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['reason']));
    }
  });

  return (
    <ModalDialog title="Request changes" isOpen={isOpen} onOpenChange={changeOpen}>
      <p className="text-slate-700">
        The milestone goes back to {milestone.contractor.name} with your reason. They can then submit a new version.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="reason" label="What needs to change" multiline rows={4} isRequired />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={requestChanges.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={requestChanges.isPending}>
            {requestChanges.isPending ? 'Sending…' : 'Send request'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

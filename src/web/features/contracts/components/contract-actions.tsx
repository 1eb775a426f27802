import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { renewContractSchema } from '../../../../shared/schemas/contract.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog, ModalDialog } from '../../../components/ui/dialog.tsx';
import { ButtonLink } from '../../../components/ui/link.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { formatDay } from '../../../lib/format.intl.ts';
import { useActivateContract } from '../api/activate-contract.mutation.ts';
import type { Contract } from '../api/contract.types.ts';
import { useEndContract } from '../api/end-contract.mutation.ts';
import { useRenewContract } from '../api/renew-contract.mutation.ts';
import { useTerminateContract } from '../api/terminate-contract.mutation.ts';

function RenewDialog({ contract }: { contract: Contract & { endDate: string } }) {
  const [isOpen, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const renew = useRenewContract();
  const defaults = { endDate: contract.endDate, note: '' };
  const form = useForm({ resolver: resolveWith(renewContractSchema), defaultValues: defaults });

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      form.reset(defaults);
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await renew.mutateAsync({ id: contract.id, input: { endDate: values.endDate, note: values.note || undefined } });
      toastSuccess('Contract renewed', `Now ends on ${formatDay(saved.endDate ?? values.endDate)}.`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['endDate', 'note']));
    }
  });

  return (
    <ModalDialog title="Renew the contract" isOpen={isOpen} onOpenChange={changeOpen} trigger={<Button variant="secondary">Renew</Button>}>
      <p className="text-slate-700">
        A renewal extends the term. It currently ends on {formatDay(contract.endDate)}. {contract.contractor.name} is asked to acknowledge
        the new end date.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="endDate" label="New end date" type="date" isRequired />
        <FormTextField control={form.control} name="note" label="Note for the contractor" multiline rows={3} description="Optional." />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={renew.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={renew.isPending}>
            {renew.isPending ? 'Renewing…' : 'Renew contract'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

type Confirming = 'activate' | 'end' | 'terminate' | null;

/** The contract's status actions, each shown only when the contract's abilities allow it. */
export function ContractActions({ contract, editHref }: { contract: Contract; editHref: string }) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const activate = useActivateContract();
  const end = useEndContract();
  const terminate = useTerminateContract();
  const { abilities } = contract;
  const who = contract.contractor.name;

  const run = (mutation: typeof activate, success: string, failure: string) =>
    mutation.mutate(contract.id, {
      onSuccess: () => {
        setConfirming(null);
        toastSuccess(success, contract.title);
      },
      onError: (error) => {
        setConfirming(null);
        toastError(failure, describeError(error));
      },
    });

  const open = (which: Exclude<Confirming, null>) => (isOpen: boolean) => setConfirming(isOpen ? which : null);
  const endDate = contract.endDate;

  return (
    <div className="flex flex-wrap gap-2">
      {abilities.edit ? (
        <ButtonLink href={editHref} variant="secondary">
          <Pencil aria-hidden="true" className="size-4" />
          Edit
        </ButtonLink>
      ) : null}
      {abilities.activate ? (
        <ConfirmDialog
          title="Activate this contract?"
          message={`${who} is notified and asked to acknowledge the terms. From now on, every change to the terms is a new revision.`}
          confirmLabel="Activate"
          tone="primary"
          isOpen={confirming === 'activate'}
          onOpenChange={open('activate')}
          isPending={activate.isPending}
          onConfirm={() => run(activate, 'Contract activated', 'Could not activate the contract')}
          trigger={<Button>Activate</Button>}
        />
      ) : null}
      {abilities.renew && endDate ? <RenewDialog contract={{ ...contract, endDate }} /> : null}
      {abilities.end ? (
        <ConfirmDialog
          title="End this contract?"
          message={`The contract ends as agreed. ${who} keeps read access to it and its milestones.`}
          confirmLabel="End contract"
          tone="primary"
          isOpen={confirming === 'end'}
          onOpenChange={open('end')}
          isPending={end.isPending}
          onConfirm={() => run(end, 'Contract ended', 'Could not end the contract')}
          trigger={<Button variant="secondary">End</Button>}
        />
      ) : null}
      {abilities.terminate ? (
        <ConfirmDialog
          title="Terminate this contract?"
          message={`Terminating stops the contract early. ${who} is notified and keeps read access. This cannot be undone.`}
          confirmLabel="Terminate contract"
          isOpen={confirming === 'terminate'}
          onOpenChange={open('terminate')}
          isPending={terminate.isPending}
          onConfirm={() => run(terminate, 'Contract terminated', 'Could not terminate the contract')}
          trigger={<Button variant="danger">Terminate</Button>}
        />
      ) : null}
    </div>
  );
}

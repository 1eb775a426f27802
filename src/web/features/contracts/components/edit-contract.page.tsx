import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { describeValue, StaleVersionAlert } from '../../../components/ui/stale-version.alert.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatMoney } from '../../../lib/format.intl.ts';
import { useContract } from '../api/get-contract.query.ts';
import { useContractEdit } from '../api/update-contract.mutation.ts';
import type { Contract, UpdateContractInput } from '../api/contract.types.ts';
import { ContractForm, contractValues } from './contract.form.tsx';

const termLabels: Record<keyof UpdateContractInput, string> = {
  title: 'Title',
  scopeHtml: 'Scope',
  rateType: 'Rate type',
  rateAmountMinor: 'Rate',
  currency: 'Currency',
  startDate: 'Start date',
  endDate: 'End date',
  ipClause: 'Intellectual property',
  noticePeriodDays: 'Notice period (days)',
};

/** The person's unsaved terms beside the terms saved meanwhile. */
function contractStaleFields(changes: UpdateContractInput, current: Contract) {
  return (Object.keys(changes) as Array<keyof UpdateContractInput>).map((key) => {
    const show = (value: unknown, currency: string) =>
      key === 'rateAmountMinor' && typeof value === 'number' ? formatMoney({ amountMinor: value, currency }) : describeValue(value);
    return {
      label: termLabels[key] ?? key,
      yours: show(changes[key], changes.currency ?? current.currency),
      current: show(current[key], current.currency),
    };
  });
}

export interface EditContractPageProps {
  contractId: string;
  contractHref: string;
  onSaved: () => void;
}

export function EditContractPage({ contractId, contractHref, onSaved }: EditContractPageProps) {
  const contract = useContract(contractId);
  const edit = useContractEdit(contractId);
  const [failure, setFailure] = useState<string | null>(null);
  const back = <BackLink href={contractHref} label="Back to the contract" />;
  if (contract.isPending)
    return (
      <>
        {back}
        <PageHeader title="Edit contract" />
        <LoadingState label="Loading the contract…" />
      </>
    );
  if (contract.isError)
    return (
      <>
        {back}
        <PageHeader title="Edit contract" />
        <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />
      </>
    );
  const data = contract.data;
  function announce(saved: Contract | null) {
    if (!saved) return;
    setFailure(null);
    toastSuccess(saved.status === 'active' ? `Saved as revision ${saved.revision}` : 'Contract saved', saved.title);
    onSaved();
  }
  return (
    <>
      {back}
      <PageHeader title={`Edit “${data.title}”`} />
      {edit.conflict ? (
        <StaleVersionAlert
          what="this contract"
          fields={contractStaleFields(edit.conflict.changes, edit.conflict.current)}
          onReapply={() => void edit.reapply().then(announce, (error: unknown) => setFailure(describeError(error)))}
          onDiscard={edit.dismiss}
          isPending={edit.isReapplying}
        />
      ) : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {data.abilities.edit ? (
        <ContractForm
          // a fresh form once the contract is known (and again after it changes elsewhere)
          key={`${data.id}:${data.updatedAt}`}
          initial={contractValues(data)}
          contract={data}
          cancelHref={contractHref}
          isPending={edit.isReapplying}
          onUpdate={async (changes) => announce(await edit.save(data.version, changes))}
        />
      ) : (
        <Alert tone="info">
          This contract cannot be edited: it has {data.status === 'terminated' ? 'been terminated' : 'ended'}, or your role does not allow
          it.
        </Alert>
      )}
    </>
  );
}

import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { useContract } from '../api/get-contract.query.ts';
import { useUpdateContract } from '../api/update-contract.mutation.ts';
import { ContractForm, contractValues } from './contract.form.tsx';

export interface EditContractPageProps {
  contractId: string;
  contractHref: string;
  onSaved: () => void;
}

export function EditContractPage({ contractId, contractHref, onSaved }: EditContractPageProps) {
  const contract = useContract(contractId);
  const update = useUpdateContract();
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
  return (
    <>
      {back}
      <PageHeader title={`Edit “${data.title}”`} />
      {data.abilities.edit ? (
        <ContractForm
          // a fresh form once the contract is known (and again after it changes elsewhere)
          key={`${data.id}:${data.updatedAt}`}
          initial={contractValues(data)}
          contract={data}
          cancelHref={contractHref}
          isPending={update.isPending}
          onUpdate={async (changes) => {
            const saved = await update.mutateAsync({ id: data.id, changes });
            toastSuccess(saved.status === 'active' ? `Saved as revision ${saved.revision}` : 'Contract saved', saved.title);
            onSaved();
          }}
        />
      ) : (
        <Alert tone="info">This contract cannot be edited: it has {data.status === 'terminated' ? 'been terminated' : 'ended'}, or your role does not allow it.</Alert>
      )}
    </>
  );
}

import { BackLink } from '../../../components/ui/back-link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { useCreateContract } from '../api/create-contract.mutation.ts';
import type { Contract } from '../api/contract.types.ts';
import { ContractForm, type EngagementChoice, emptyContractValues } from './contract.form.tsx';

export interface NewContractPageProps {
  engagements: EngagementChoice;
  /** Preselected engagement (from a contractor's page). */
  engagementId?: string;
  backHref: string;
  onCreated: (contract: Contract) => void;
}

/** A new contract starts as a draft: nothing reaches the contractor until it is activated. */
export function NewContractPage({ engagements, engagementId, backHref, onCreated }: NewContractPageProps) {
  const create = useCreateContract();
  return (
    <>
      <BackLink href={backHref} label="All contracts" />
      <PageHeader
        title="New contract"
        description="It starts as a draft. Add milestones and documents, then activate it; the contractor is asked to acknowledge the terms."
      />
      <ContractForm
        initial={emptyContractValues(engagementId)}
        engagements={engagements}
        cancelHref={backHref}
        isPending={create.isPending}
        onCreate={async (input) => {
          const contract = await create.mutateAsync(input);
          toastSuccess('Draft contract created', contract.title);
          onCreated(contract);
        }}
      />
    </>
  );
}

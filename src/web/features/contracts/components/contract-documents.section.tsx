import { AttachedFiles } from '../../../components/ui/attached-files.tsx';
import { useAddContractDocument } from '../api/add-contract-document.mutation.ts';
import type { Contract } from '../api/contract.types.ts';
import { useRemoveContractDocument } from '../api/remove-contract-document.mutation.ts';

/** The contract's documents: both sides download them; staff who manage the contract add and remove. */
export function ContractDocumentsSection({ contract }: { contract: Contract }) {
  const add = useAddContractDocument();
  const remove = useRemoveContractDocument();
  const canManage = contract.abilities.manageDocuments;
  return (
    <AttachedFiles
      title="Documents"
      description={
        canManage ? 'The signed contract, statements of work, anything both sides should keep.' : 'Download the documents of this contract.'
      }
      files={contract.documents}
      listLabel="Contract documents"
      emptyText="No documents yet."
      manage={
        canManage
          ? {
              engagementId: contract.engagementId,
              noun: 'document',
              dropLabel: 'Add documents',
              buttonLabel: 'Choose documents',
              dropDescription: 'PDF, images, office files; several at once.',
              removeMessage: (file) => `“${file.name}” is removed from the contract. The file stays in the audit trail.`,
              attach: (fileId) => add.mutateAsync({ contractId: contract.id, fileId }),
              detach: (fileId) => remove.mutateAsync({ contractId: contract.id, fileId }),
            }
          : undefined
      }
    />
  );
}

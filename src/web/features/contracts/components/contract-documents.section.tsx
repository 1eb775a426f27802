import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { FileList, type ListedFile } from '../../../components/ui/file-list.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useAddContractDocument } from '../api/add-contract-document.mutation.ts';
import type { Contract } from '../api/contract.types.ts';
import { useRemoveContractDocument } from '../api/remove-contract-document.mutation.ts';

/** The contract's documents: both sides download them; staff who manage the contract add and remove. */
export function ContractDocumentsSection({ contract }: { contract: Contract }) {
  const add = useAddContractDocument();
  const remove = useRemoveContractDocument();
  const [removing, setRemoving] = useState<ListedFile | null>(null);
  const canManage = contract.abilities.manageDocuments;
  const uploads = useUploads(contract.engagementId, (file, key) => {
    // Each upload becomes a document as soon as it is stored.
    add.mutate(
      { contractId: contract.id, fileId: file.id },
      {
        onSuccess: () => {
          uploads.remove(key);
          toastSuccess('Document added', file.name);
        },
        onError: (error) => toastError(`Could not add ${file.name}`, describeError(error)),
      },
    );
  });

  return (
    <Section
      title="Documents"
      description={canManage ? 'The signed contract, statements of work, anything both sides should keep.' : 'Download the documents of this contract.'}
    >
      {contract.documents.length > 0 ? (
        <FileList
          files={contract.documents}
          label="Contract documents"
          actions={
            canManage
              ? (file) => (
                  <Button variant="ghost" size="sm" onPress={() => setRemoving(file)}>
                    Remove<span className="sr-only"> {file.name}</span>
                  </Button>
                )
              : undefined
          }
        />
      ) : (
        <p className="text-slate-700">No documents yet.</p>
      )}
      {canManage ? (
        <>
          <FileDrop label="Add documents" onFiles={uploads.add} buttonLabel="Choose documents" description="PDF, images, office files; several at once." />
          <UploadList items={uploads.items} onRemove={uploads.remove} label="Documents being uploaded" />
          <ConfirmDialog
            title="Remove this document?"
            message={removing ? `“${removing.name}” is removed from the contract. The file stays in the audit trail.` : ''}
            confirmLabel="Remove document"
            isOpen={removing !== null}
            onOpenChange={(open) => {
              if (!open) setRemoving(null);
            }}
            isPending={remove.isPending}
            onConfirm={() => {
              if (!removing) return;
              remove.mutate(
                { contractId: contract.id, fileId: removing.id },
                {
                  onSuccess: () => {
                    toastSuccess('Document removed', removing.name);
                    setRemoving(null);
                  },
                  onError: (error) => toastError('Could not remove the document', describeError(error)),
                },
              );
            }}
          />
        </>
      ) : null}
    </Section>
  );
}

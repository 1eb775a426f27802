import { useState } from 'react';
import { describeError } from '../../lib/api.client.ts';
import { useUploads } from '../../lib/use-uploads.ts';
import { Button } from './button.tsx';
import { ConfirmDialog } from './dialog.tsx';
import { FileDrop } from './file-drop.tsx';
import { FileList, type ListedFile } from './file-list.tsx';
import { Section } from './section.tsx';
import { toastError, toastSuccess } from './toast.tsx';
import { UploadList } from './upload-list.tsx';

export interface AttachedFilesManagement {
  /** Uploads are stored for this engagement, so both sides can download them. */
  engagementId: string | undefined;
  /** "document" or "attachment": the word in buttons, dialogs and toasts. */
  noun: string;
  dropLabel: string;
  buttonLabel: string;
  dropDescription?: string;
  removeMessage: (file: ListedFile) => string;
  attach: (fileId: string) => Promise<unknown>;
  detach: (fileId: string) => Promise<unknown>;
}

export interface AttachedFilesProps {
  title: string;
  description: string;
  files: ListedFile[];
  listLabel: string;
  emptyText: string;
  /** Present when this person may add and remove files. */
  manage?: AttachedFilesManagement;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Files that belong to a record: everyone who sees it downloads them; managers upload (with progress) and remove. */
export function AttachedFiles({ title, description, files, listLabel, emptyText, manage }: AttachedFilesProps) {
  const [removing, setRemoving] = useState<ListedFile | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const noun = manage?.noun ?? 'file';
  const uploads = useUploads(manage?.engagementId, (file, key) => {
    // Each upload joins the record as soon as it is stored.
    manage?.attach(file.id).then(
      () => {
        uploads.remove(key);
        toastSuccess(`${capitalize(noun)} added`, file.name);
      },
      (error: unknown) => toastError(`Could not add ${file.name}`, describeError(error)),
    );
  });

  async function removeChosen() {
    if (!removing || !manage) return;
    setIsRemoving(true);
    try {
      await manage.detach(removing.id);
      toastSuccess(`${capitalize(noun)} removed`, removing.name);
      setRemoving(null);
    } catch (error) {
      toastError(`Could not remove the ${noun}`, describeError(error));
    } finally {
      setIsRemoving(false);
    }
  }

  return (
    <Section title={title} description={description}>
      {files.length > 0 ? (
        <FileList
          files={files}
          label={listLabel}
          actions={
            manage
              ? (file) => (
                  <Button variant="ghost" size="sm" onPress={() => setRemoving(file)}>
                    Remove<span className="sr-only"> {file.name}</span>
                  </Button>
                )
              : undefined
          }
        />
      ) : (
        <p className="text-slate-700">{emptyText}</p>
      )}
      {manage ? (
        <>
          <FileDrop
            label={manage.dropLabel}
            onFiles={uploads.add}
            buttonLabel={manage.buttonLabel}
            description={manage.dropDescription}
            isDisabled={!manage.engagementId}
          />
          <UploadList items={uploads.items} onRemove={uploads.remove} label={`${capitalize(noun)}s being uploaded`} />
          <ConfirmDialog
            title={`Remove this ${noun}?`}
            message={removing ? manage.removeMessage(removing) : ''}
            confirmLabel={`Remove ${noun}`}
            isOpen={removing !== null}
            onOpenChange={(open) => {
              if (!open) setRemoving(null);
            }}
            isPending={isRemoving}
            onConfirm={() => void removeChosen()}
          />
        </>
      ) : null}
    </Section>
  );
}

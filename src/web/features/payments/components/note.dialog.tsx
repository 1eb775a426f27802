import { useState } from 'react';
import { Button, type ButtonVariant } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import type { NoteBody } from '../api/payment-events.mutation.ts';
import { ProofField, useProofUpload } from './proof.upload.tsx';

export interface NoteDialogProps {
  trigger: string;
  title: string;
  label: string;
  submitLabel: string;
  done: string;
  engagementId: string;
  /** Staff answering a dispute attach more proof; a file is optional for everyone. */
  fileLabel?: string;
  variant?: ButtonVariant;
  run: (note: NoteBody) => Promise<unknown>;
}

/** A note with an optional file: disputing, answering a dispute, resolving it. */
export function NoteDialog({
  trigger,
  title,
  label,
  submitLabel,
  done,
  engagementId,
  fileLabel,
  variant = 'secondary',
  run,
}: NoteDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const proof = useProofUpload(engagementId);
  const submit = async () => {
    if (!body.trim()) {
      setError('Write a note.');
      return;
    }
    setPending(true);
    try {
      await run({ body: body.trim(), fileId: proof.fileId });
      toastSuccess(done);
      setBody('');
      proof.remove();
      setOpen(false);
    } catch (e) {
      toastError(`${submitLabel} failed`, describeError(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={setOpen} trigger={<Button variant={variant}>{trigger}</Button>}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label={label} value={body} onChange={setBody} multiline rows={4} maxLength={4000} isRequired errorMessage={error} />
        {fileLabel ? <ProofField label={fileLabel} proof={proof} /> : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => setOpen(false)} isDisabled={pending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={pending || proof.isUploading}>
            {pending ? 'Working…' : submitLabel}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

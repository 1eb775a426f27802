import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { accreditationLabels, accreditationTypes } from '../../../../shared/domain/accreditations.ts';
import { accreditationFormSchema } from '../../../../shared/schemas/technician.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { FormSelectField } from '../../../components/ui/select.form.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { getAccreditation, useAddAccreditation, useUpdateAccreditation } from '../api/accreditation.mutations.ts';
import type { AccreditationView } from '../api/technician.types.ts';

type Values = z.input<typeof accreditationFormSchema>;
const typeOptions = accreditationTypes.map((type) => ({ id: type, label: accreditationLabels[type] }));

export interface AccreditationDialogProps {
  technicianId: string;
  /** The accreditation edited; none: a new one. */
  editing?: AccreditationView;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** Adds or edits an accreditation: type, number, expiry and a scan (uploaded with progress as soon as it is chosen). */
export function AccreditationDialog({ technicianId, editing, isOpen, onOpenChange }: AccreditationDialogProps) {
  const add = useAddAccreditation();
  const update = useUpdateAccreditation();
  const [failure, setFailure] = useState<string | null>(null);
  const uploads = useUploads(null, undefined, { withoutEngagement: true });
  const initial: Values = {
    type: editing?.type ?? ('' as Values['type']),
    number: editing?.number ?? '',
    expiresOn: editing?.expiresOn ?? '',
  };
  const form = useForm<Values, unknown, z.output<typeof accreditationFormSchema>>({
    resolver: resolveWith(accreditationFormSchema),
    defaultValues: initial,
  });
  const edit = useStaleVersion<AccreditationView, Partial<z.output<typeof accreditationFormSchema>> & { fileId?: string | null }>({
    save: (version, changes) =>
      update.mutateAsync({ id: editing?.id ?? '', version, changes: { ...changes, expiresOn: changes.expiresOn || null } }),
    reload: () => getAccreditation(editing?.id ?? ''),
  });

  function close() {
    form.reset(initial);
    uploads.reset();
    setFailure(null);
    edit.dismiss();
    onOpenChange(false);
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const fileId = uploads.doneFiles.at(-1)?.id;
    try {
      if (editing) {
        const saved = await edit.save(editing.version, { ...values, ...(fileId ? { fileId } : {}) });
        if (!saved) return;
      } else {
        await add.mutateAsync({
          technicianId,
          input: { type: values.type, number: values.number, expiresOn: values.expiresOn || null, fileId: fileId ?? null },
        });
      }
      toastSuccess(editing ? 'Accreditation saved' : 'Accreditation added');
      close();
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['type', 'number', 'expiresOn']));
    }
  });

  const pending = add.isPending || update.isPending;
  return (
    <ModalDialog
      title={editing ? 'Edit accreditation' : 'Add an accreditation'}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
    >
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {edit.conflict ? (
        <Alert tone="warning" title="Someone saved this accreditation meanwhile">
          <p>
            It now reads: number {edit.conflict.current.number || '—'}, expires {edit.conflict.current.expiresOn ?? 'never'}.
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onPress={() => void edit.reapply().then((saved) => saved && close())} isDisabled={edit.isReapplying}>
              Apply my changes to it
            </Button>
            <Button size="sm" variant="secondary" onPress={close}>
              Keep theirs
            </Button>
          </div>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormSelectField control={form.control} name="type" label="Type" options={typeOptions} isRequired />
        <FormTextField control={form.control} name="number" label="Licence or card number (optional)" autoComplete="off" />
        <FormTextField
          control={form.control}
          name="expiresOn"
          label="Expires on (optional)"
          type="date"
          description="Leave empty if it does not expire. You are reminded 30 and 7 days before."
        />
        <FileDrop
          label="Scan or photo of the document"
          description={editing?.file ? `Now: ${editing.file.name}. Choose a file to replace it.` : 'A PDF or a photo.'}
          buttonLabel="Choose a file"
          allowsMultiple={false}
          onFiles={(files) => {
            uploads.reset();
            uploads.add(files.slice(0, 1));
          }}
        />
        <UploadList items={uploads.items} onRemove={uploads.remove} label="Document upload" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={close} isDisabled={pending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={pending || uploads.isUploading || uploads.hasErrors}>
            {pending ? 'Saving…' : uploads.isUploading ? 'Uploading…' : editing ? 'Save' : 'Add accreditation'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

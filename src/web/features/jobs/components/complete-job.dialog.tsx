import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { todayDay } from '../../../lib/format.intl.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import type { JobDetail } from '../api/get-job.query.ts';
import { useJobEvent } from '../api/job-event.mutation.ts';

const kinds = [
  { id: 'invoice', label: 'Invoice' },
  { id: 'report', label: 'Report' },
  { id: 'quote', label: 'Quote' },
] as const;

/** "Complete task": upload the invoice, report or quote, give the actual on-site date → performed. */
export function CompleteJobDialog({ job }: { job: JobDetail }) {
  const [isOpen, setOpen] = useState(false);
  const [performedOn, setPerformedOn] = useState(todayDay());
  const [kind, setKind] = useState<'invoice' | 'report' | 'quote'>('report');
  const [failure, setFailure] = useState<string | null>(null);
  const uploads = useUploads(job.engagementId);
  const fire = useJobEvent();

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      uploads.reset();
      setFailure(null);
    }
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (uploads.doneFiles.length === 0) {
      setFailure('Upload at least one invoice, report or quote.');
      return;
    }
    setFailure(null);
    try {
      await fire.mutateAsync({
        event: 'complete',
        id: job.id,
        performedOn,
        documents: uploads.doneFiles.map((file) => ({ fileId: file.id, kind })),
      });
      toastSuccess('Job completed', `${job.organization.name} reviews it now.`);
      changeOpen(false);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <ModalDialog title="Complete this job" isOpen={isOpen} onOpenChange={changeOpen} trigger={<Button>Complete job</Button>}>
      <p className="text-slate-700">
        Upload your documents and the date you were on site. {job.organization.name} is told to review the job.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={confirm} noValidate className="flex flex-col gap-4">
        <TextField label="Actual on-site date" type="date" value={performedOn} onChange={setPerformedOn} isRequired />
        <SelectField
          label="The documents are"
          options={kinds}
          value={kind}
          onChange={(value) => setKind((value ?? 'report') as typeof kind)}
        />
        <FileDrop label="Documents" description="PDF, images or other files." onFiles={uploads.add} />
        <UploadList items={uploads.items} onRemove={uploads.remove} label="Documents being uploaded" />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={fire.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={fire.isPending || uploads.isUploading}>
            {fire.isPending ? 'Completing…' : 'Complete job'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import type { JobDetail } from '../api/get-job.query.ts';
import { useJobEvent } from '../api/job-event.mutation.ts';
import { useActiveEngagements } from '../api/list-active-engagements.query.ts';

/**
 * Reassign a rejected job: to the same contractor again, or to another contractor the
 * organization engages (an active engagement). The job starts `assigned` there and they are told.
 */
export function ReassignJobDialog({ job }: { job: JobDetail }) {
  const engagements = useActiveEngagements();
  const fire = useJobEvent();
  const [isOpen, setOpen] = useState(false);
  const [engagementId, setEngagementId] = useState<string | null>(job.engagementId);
  const [failure, setFailure] = useState<string | null>(null);
  const options = (engagements.data?.items ?? []).map((e) => ({
    id: e.id,
    label: e.id === job.engagementId ? `${e.contractor.name} (again)` : e.contractor.name,
  }));
  if (!options.some((o) => o.id === job.engagementId)) options.unshift({ id: job.engagementId, label: `${job.contractor.name} (again)` });

  function changeOpen(open: boolean) {
    setOpen(open);
    setFailure(null);
    if (!open) setEngagementId(job.engagementId);
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (!engagementId) {
      setFailure('Choose the contractor.');
      return;
    }
    setFailure(null);
    try {
      const moved = await fire.mutateAsync({
        event: 'reassign',
        id: job.id,
        engagementId: engagementId === job.engagementId ? undefined : engagementId,
      });
      toastSuccess('Job reassigned', `${moved.contractor.name} is told by email.`);
      changeOpen(false);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <ModalDialog title="Reassign this job" isOpen={isOpen} onOpenChange={changeOpen} trigger={<Button variant="primary">Reassign</Button>}>
      <p className="text-slate-700">
        Offer the job again to {job.contractor.name}, or give it to another contractor your organization engages. It starts as assigned; the
        contractor is emailed.
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {engagements.isError ? <Alert tone="error">{describeError(engagements.error)}</Alert> : null}
      <form onSubmit={confirm} noValidate className="flex flex-col gap-4">
        <SelectField
          label="Contractor"
          options={options}
          value={engagementId}
          onChange={setEngagementId}
          isRequired
          description="Contractors with an active engagement."
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={fire.isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={fire.isPending}>
            {fire.isPending ? 'Saving…' : 'Reassign job'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

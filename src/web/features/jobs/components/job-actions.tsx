import { ButtonLink } from '../../../components/ui/link.tsx';
import type { JobDetail } from '../api/get-job.query.ts';
import { useJobEvent } from '../api/job-event.mutation.ts';
import { CompleteJobDialog } from './complete-job.dialog.tsx';
import { JobInputDialog } from './job-reason.dialog.tsx';
import { ReassignJobDialog } from './reassign-job.dialog.tsx';

/** The job's buttons: one per event the server's abilities allow, nothing else. */
export function JobActions({ job }: { job: JobDetail }) {
  const fire = useJobEvent();
  const a = job.abilities;
  const id = job.id;
  return (
    <div className="flex flex-wrap gap-2">
      {a.accept ? (
        <JobInputDialog
          label="Accept"
          variant="primary"
          title="Accept this job"
          explanation={`${job.organization.name} is told you accepted it, with the date you aim to do it by.`}
          field={{ label: 'Target date', kind: 'date' }}
          confirmLabel="Accept job"
          done="Job accepted"
          onConfirm={(value) => fire.mutateAsync({ event: 'accept', id, targetOn: value || null })}
        />
      ) : null}
      {a.reject ? (
        <JobInputDialog
          label="Reject"
          title="Reject this job"
          explanation={`The job goes back to ${job.organization.name} with your reason, to give to someone else.`}
          field={{ label: 'Reason', kind: 'reason', required: true }}
          confirmLabel="Reject job"
          done="Job rejected"
          onConfirm={(reason) => fire.mutateAsync({ event: 'reject', id, reason })}
        />
      ) : null}
      {a.schedule ? (
        <JobInputDialog
          label="Schedule"
          variant="primary"
          title="Schedule this job"
          explanation="The date you plan to be on site; the company sees it."
          field={{ label: 'Scheduled date', kind: 'date', required: true }}
          confirmLabel="Schedule"
          done="Job scheduled"
          onConfirm={(scheduledOn) => fire.mutateAsync({ event: 'schedule', id, scheduledOn })}
        />
      ) : null}
      {a.complete ? <CompleteJobDialog job={job} /> : null}
      {a.close ? (
        <JobInputDialog
          label="Close"
          variant="primary"
          title="Close this job"
          explanation={`The job is done; ${job.contractor.name} is told.`}
          field={{ label: 'Note for the contractor', kind: 'note' }}
          confirmLabel="Close job"
          done="Job closed"
          onConfirm={(note) => fire.mutateAsync({ event: 'close', id, note: note || undefined })}
        />
      ) : null}
      {a.sendBack ? (
        <JobInputDialog
          label="Send back"
          title="Send the job back"
          explanation={`${job.contractor.name} must go on site again (revisit); they see your reason.`}
          field={{ label: 'What must be done again', kind: 'reason', required: true }}
          confirmLabel="Send back"
          done="Job sent back"
          onConfirm={(reason) => fire.mutateAsync({ event: 'send-back', id, reason })}
        />
      ) : null}
      {a.reassign ? <ReassignJobDialog job={job} /> : null}
      {a.archive ? (
        <JobInputDialog
          label="Archive"
          title="Archive this job"
          explanation={`It leaves your lists; ${job.contractor.name} keeps read-only access.`}
          field={{ label: '', kind: 'none' }}
          confirmLabel="Archive"
          done="Job archived"
          onConfirm={() => fire.mutateAsync({ event: 'archive', id })}
        />
      ) : null}
      {a.invoice ? (
        <ButtonLink variant="secondary" href={`/portal/invoices/new?job=${encodeURIComponent(id)}`}>
          Invoice this job
        </ButtonLink>
      ) : null}
      {a.cancel ? (
        <JobInputDialog
          label="Cancel job"
          variant="danger"
          title="Cancel this job"
          explanation={`${job.contractor.name} is told, with your reason. This cannot be undone.`}
          field={{ label: 'Reason', kind: 'reason', required: true }}
          confirmLabel="Cancel job"
          done="Job cancelled"
          onConfirm={(reason) => fire.mutateAsync({ event: 'cancel', id, reason })}
        />
      ) : null}
    </div>
  );
}

import { Download, FileText, KeyRound, MapPin } from 'lucide-react';
import type { ReactNode } from 'react';
import { accreditationLabels } from '../../../../shared/domain/accreditations.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatBytes, formatDay } from '../../../lib/format.intl.ts';
import { useMyJob } from '../api/get-my-job.query.ts';
import { statusLabel, statusTone } from './job-status.text.ts';

const taskResultLabels = { pass: 'Pass', fail: 'Fail', na: 'N/A' } as const;

/**
 * One of the technician's jobs, for the phone: where, when, how to get in, what to do, the
 * documents; `siteWork` (rendered by the route) is on site, the tasks, and the sign-off; `after`
 * (the job's messages) comes last, once the job has loaded: shown before it, it sat where the job
 * then appeared and jumped down the page (a layout shift of 0.17 on a phone).
 */
export function MyJobPage({ jobId, siteWork, after }: { jobId: string; siteWork?: ReactNode; after?: ReactNode }) {
  const job = useMyJob(jobId);
  if (job.isError && isApiError(job.error) && job.error.status === 404)
    return (
      <>
        <BackLink href="/tech/jobs" label="My jobs" />
        <PageHeader title="Job not found" />
        <Alert tone="info">This job was not found, or it is not assigned to you. Your jobs are listed under My jobs.</Alert>
      </>
    );
  return (
    <>
      <BackLink href="/tech/jobs" label="My jobs" />
      <QueryView query={job} loadingLabel="Loading the job…">
        {(j) => (
          <div className="flex flex-col gap-6">
            <PageHeader title={j.siteName} description={`Job ${j.number} for ${j.organizationName}`} />
            <div className="flex flex-wrap gap-2">
              <Badge tone={statusTone(j.status)}>{statusLabel(j.status)}</Badge>
              {j.priority !== 'normal' ? <Badge tone={j.priority === 'low' ? 'neutral' : 'red'}>Priority: {j.priority}</Badge> : null}
            </div>
            <Section title="Where and when">
              <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                <div>
                  <dt className="flex items-center gap-1 text-sm text-slate-600">
                    <MapPin aria-hidden="true" className="size-4" />
                    Address
                  </dt>
                  <dd className="break-words font-medium">
                    <a
                      className="text-blue-800 underline"
                      href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(j.siteAddress)}`}
                      rel="noopener noreferrer"
                      target="_blank"
                    >
                      {j.siteAddress}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Scheduled</dt>
                  <dd className="font-medium">{j.scheduledOn ? formatDay(j.scheduledOn) : 'Not scheduled yet'}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Due</dt>
                  <dd className="font-medium">{formatDay(j.dueOn)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Technicians</dt>
                  <dd className="font-medium">{j.technicians.join(', ')}</dd>
                </div>
              </dl>
            </Section>
            <Section title="Access details">
              <p className="flex items-start gap-2 whitespace-pre-wrap break-words">
                <KeyRound aria-hidden="true" className="mt-1 size-4 shrink-0" />
                {j.accessDetails || 'None given: ask the office how to get in.'}
              </p>
            </Section>
            <Section title="The work">
              <p className="whitespace-pre-wrap break-words">{j.description}</p>
              {j.requiredAccreditations.length > 0 ? (
                <p className="mt-2 text-sm text-slate-700">
                  Requires: {j.requiredAccreditations.map((a) => accreditationLabels[a]).join(', ')}
                </p>
              ) : null}
              {!siteWork && j.tasks.length > 0 ? (
                <ol aria-label="Service tasks" className="mt-3 flex list-decimal flex-col gap-1 pl-5">
                  {j.tasks.map((task) => (
                    <li key={task.id}>
                      {task.title}
                      {task.photos === 'required' ? <span className="text-sm text-slate-600"> (photo required)</span> : null}
                      {task.result ? <Badge tone="green">{taskResultLabels[task.result]}</Badge> : null}
                    </li>
                  ))}
                </ol>
              ) : null}
            </Section>
            {siteWork}
            <Section title="Documents">
              {j.documents.length === 0 ? (
                <p className="text-slate-700">No documents on this job.</p>
              ) : (
                <ul aria-label="Documents" className="flex flex-col gap-2">
                  {j.documents.map((doc) => (
                    <li
                      key={doc.id}
                      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white p-3"
                    >
                      <span className="flex min-w-0 items-center gap-2 break-all">
                        <FileText aria-hidden="true" className="size-4 shrink-0" />
                        {doc.name} <span className="text-sm text-slate-600">({formatBytes(doc.size)})</span>
                      </span>
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Download ${doc.name}`}
                        onPress={() =>
                          void downloadFile(doc.id, doc.name).catch((e: unknown) => toastError('Download failed', describeError(e)))
                        }
                      >
                        <Download aria-hidden="true" className="size-4" />
                        Download
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            {after}
          </div>
        )}
      </QueryView>
    </>
  );
}

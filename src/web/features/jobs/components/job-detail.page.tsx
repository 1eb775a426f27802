import type { ReactNode } from 'react';
import { accreditationLabels, type AccreditationType } from '../../../../shared/domain/accreditations.ts';
import { jobStatusLabels, type JobStatus } from '../../../../shared/domain/job.machine.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Details } from '../../../components/ui/details.tsx';
import { FileList } from '../../../components/ui/file-list.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { formatDateTime, formatDay, formatMoney } from '../../../lib/format.intl.ts';
import { type JobDetail, useJob } from '../api/get-job.query.ts';
import { JobActions } from './job-actions.tsx';
import { JobInvoiceSection } from './job-invoice.section.tsx';
import { JobStatusBadge } from './job-status.badge.tsx';
import { SubjectMessagesLink } from '../../messages/components/subject-messages.link.tsx';

export interface JobDetailPageProps {
  jobId: string;
  side: 'company' | 'contractor';
  back: { href: string; label: string };
  /** The site work (tasks with answers and photos, visits, signatures, the report), rendered by the route in place of the plain task list. */
  siteWork?: ReactNode;
}

function StatusNote({ job, side }: { job: JobDetail; side: JobDetailPageProps['side'] }) {
  if (job.status === 'rejected' && job.rejectReason)
    return (
      <Alert
        tone="warning"
        title={side === 'company' ? `${job.contractor.name} rejected this job` : 'You rejected this job'}
        className="mb-6"
      >
        Reason: {job.rejectReason}
      </Alert>
    );
  if (job.status === 'revisit' && job.sendBackReason)
    return (
      <Alert tone="warning" title="Sent back: a revisit is needed" className="mb-6">
        Reason: {job.sendBackReason}
      </Alert>
    );
  if (job.status === 'cancelled' && job.cancelReason)
    return (
      <Alert tone="info" title="Cancelled" className="mb-6">
        Reason: {job.cancelReason}
      </Alert>
    );
  if (job.abilities.readOnly)
    return (
      <Alert tone="info" title="This job is finished" className="mb-6">
        It stays here, read-only, for reference.
      </Alert>
    );
  return null;
}

function Summary({ job, side }: { job: JobDetail; side: JobDetailPageProps['side'] }) {
  const po =
    job.poNumber || job.poAmountMinor
      ? [
          job.poNumber,
          job.poAmountMinor && job.poCurrency ? formatMoney({ amountMinor: job.poAmountMinor, currency: job.poCurrency }) : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : 'None';
  return (
    <Details
      items={[
        { label: 'Site', value: `${job.siteName}, ${job.siteAddress}` },
        {
          label: side === 'company' ? 'Contractor' : 'Organization',
          value: side === 'company' ? job.contractor.name : job.organization.name,
        },
        { label: 'Due', value: `${formatDay(job.dueOn)}${job.overdue ? ' (overdue)' : ''}` },
        { label: 'Target date', value: job.targetOn ? formatDay(job.targetOn) : 'Not given' },
        { label: 'Scheduled', value: job.scheduledOn ? formatDay(job.scheduledOn) : 'Not scheduled' },
        { label: 'On site', value: job.performedOn ? formatDay(job.performedOn) : 'Not yet' },
        { label: 'Priority', value: job.priority },
        { label: 'Purchase order', value: po },
        { label: 'Access details', value: job.accessDetails ? <span className="whitespace-pre-line">{job.accessDetails}</span> : 'None' },
        {
          label: 'Required accreditations',
          value: job.requiredAccreditations.length
            ? job.requiredAccreditations.map((a) => accreditationLabels[a as AccreditationType] ?? a).join(', ')
            : 'None',
        },
        { label: 'Technicians', value: job.technicians.length ? job.technicians.map((t) => t.name).join(', ') : 'None assigned' },
        { label: 'Description', value: job.description ? <span className="whitespace-pre-line">{job.description}</span> : 'None' },
      ]}
    />
  );
}

function Documents({ job }: { job: JobDetail }) {
  const company = job.documents.filter((d) => d.side === 'company');
  const contractor = job.documents.filter((d) => d.side === 'contractor');
  const link = (file: { id: string; name: string }) => (
    <TextLink href={`/api/files/${file.id}/download`} download>
      Download<span className="sr-only"> {file.name}</span>
    </TextLink>
  );
  return (
    <>
      <Section title="Documents from the company">
        {company.length ? (
          <FileList files={company.map((d) => d.file)} label="Documents from the company" actions={link} />
        ) : (
          <p className="text-slate-700">No documents.</p>
        )}
      </Section>
      <Section title="Invoice, report and quote" description="What the contractor uploaded to complete the job.">
        {contractor.length ? (
          <FileList
            files={contractor.map((d) => ({ ...d.file, name: `${d.kind}: ${d.file.name}` }))}
            label="Completion documents"
            actions={link}
          />
        ) : (
          <p className="text-slate-700">Nothing yet: they come with “Complete job”.</p>
        )}
      </Section>
    </>
  );
}

function Tasks({ job }: { job: JobDetail }) {
  return (
    <Section title="Service tasks">
      {job.tasks.length === 0 ? (
        <p className="text-slate-700">This job has no checklist.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {job.tasks.map((task) => (
            <li key={task.id} className="rounded-md border border-slate-300 p-3">
              <p className="font-medium text-slate-900">
                {task.position}. {task.title}
              </p>
              <p className="mt-1 flex flex-wrap gap-2 text-sm text-slate-700">
                <Badge>{task.resultRequired ? 'Result required' : 'Result optional'}</Badge>
                <Badge>{task.photos === 'none' ? 'No photos' : `Photos ${task.photos}`}</Badge>
                {task.defectsAllowed ? <Badge>Defects recorded</Badge> : null}
                {task.result ? <Badge tone="green">Result: {task.result}</Badge> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function History({ job }: { job: JobDetail }) {
  return (
    <Section title="History">
      {job.history.length === 0 ? (
        <p className="text-slate-700">Assigned {formatDateTime(job.createdAt)}; nothing has happened since.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {job.history.map((h) => (
            <li key={`${h.at}-${h.event}`} className="text-slate-700">
              <span className="font-medium text-slate-900">{jobStatusLabels[h.toStatus as JobStatus] ?? h.toStatus}</span> ·{' '}
              {formatDateTime(h.at)}
              {h.actorName ? ` · ${h.actorName}` : ''}
              {h.note ? <span className="block whitespace-pre-line">“{h.note}”</span> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** A job's page, both sides: summary, documents, service tasks, history, and the buttons its abilities allow. */
export function JobDetailPage({ jobId, side, back, siteWork }: JobDetailPageProps) {
  const job = useJob(jobId);
  return (
    <>
      <BackLink href={back.href} label={back.label} />
      <QueryView query={job} loadingLabel="Loading the job…">
        {(data) => (
          <>
            <PageHeader
              title={`Job ${data.number}: ${data.siteName}`}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  <JobStatusBadge status={data.status} />
                  <span>due {formatDay(data.dueOn)}</span>
                </span>
              }
              actions={
                <>
                  <SubjectMessagesLink engagementId={data.engagementId} kind="job" id={data.id} />
                  <JobActions job={data} />
                </>
              }
            />
            <StatusNote job={data} side={side} />
            <div className="flex flex-col gap-8">
              <Section title="Summary">
                <Summary job={data} side={side} />
              </Section>
              <JobInvoiceSection jobId={data.id} side={side} />
              <Documents job={data} />
              {siteWork ?? <Tasks job={data} />}
              <History job={data} />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}

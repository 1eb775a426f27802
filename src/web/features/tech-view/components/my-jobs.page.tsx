import { CalendarClock, ClipboardList } from 'lucide-react';
import { Badge } from '../../../components/ui/badge.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { formatDay } from '../../../lib/format.intl.ts';
import { type MyJob, useMyJobs } from '../api/list-my-jobs.query.ts';
import { statusLabel, statusTone } from './job-status.text.ts';

function JobCard({ job }: { job: MyJob }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <TextLink href={`/tech/jobs/${job.id}`} className="text-lg font-semibold">
          {job.siteName}
        </TextLink>
        <Badge tone={statusTone(job.status)}>{statusLabel(job.status)}</Badge>
        {job.priority === 'urgent' || job.priority === 'high' ? (
          <Badge tone="red">{job.priority === 'urgent' ? 'Urgent' : 'High priority'}</Badge>
        ) : null}
      </div>
      <p className="mt-1 break-words text-slate-700">{job.siteAddress}</p>
      <p className="mt-1 text-sm text-slate-600">
        Job {job.number} · {job.organizationName} · {job.scheduledOn ? `Scheduled ${formatDay(job.scheduledOn)}` : 'Not scheduled yet'}
      </p>
    </li>
  );
}

function JobList({ when, title, empty }: { when: 'today' | 'upcoming'; title: string; empty: string }) {
  const jobs = useMyJobs(when);
  return (
    <Section title={title}>
      <QueryView query={jobs} loadingLabel={`Loading ${title.toLowerCase()}…`}>
        {(data) => {
          const { items } = data;
          if (items.length === 0)
            return (
              <EmptyState
                icon={when === 'today' ? ClipboardList : CalendarClock}
                headingLevel={3}
                title={`No jobs ${when === 'today' ? 'today' : 'coming up'}`}
                description={empty}
              />
            );
          return (
            <>
              <ul aria-label={title} className="flex flex-col gap-3">
                {items.map((job) => (
                  <JobCard key={job.id} job={job} />
                ))}
              </ul>
              <LoadMore query={jobs} />
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

/** The technician's home on a phone: today's jobs (and any still open from before), then what is coming. */
export function MyJobsPage({ contractorName }: { contractorName: string }) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="My jobs" description={`The jobs ${contractorName} assigns to you.`} />
      <JobList when="today" title="Today" empty={`Nothing for today. ${contractorName} emails you when it assigns you a job.`} />
      <JobList when="upcoming" title="Upcoming" empty="Nothing scheduled after today yet." />
    </div>
  );
}

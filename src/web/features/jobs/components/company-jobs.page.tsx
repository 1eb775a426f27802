import { ClipboardList } from 'lucide-react';
import { useState } from 'react';
import { type JobStatus, jobStatuses, jobStatusLabels } from '../../../../shared/domain/job.machine.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ExportButton } from '../../../components/ui/export-button.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { serializeQuery } from '../../../lib/api.client.ts';
import { formatDay } from '../../../lib/format.intl.ts';
import type { JobFilters } from '../api/job.keys.ts';
import { useJobs } from '../api/list-jobs.query.ts';
import { JobStatusBadge } from './job-status.badge.tsx';

export interface CompanyJobsPageProps {
  filters: JobFilters;
  onFiltersChange: (next: JobFilters) => void;
}

const statusOptions = [{ id: 'all', label: 'Every status' }, ...jobStatuses.map((s) => ({ id: s, label: jobStatusLabels[s] }))];

/** The company's jobs by due date: filters in the URL, a page at a time, export of the filtered list. */
export function CompanyJobsPage({ filters, onFiltersChange }: CompanyJobsPageProps) {
  const jobs = useJobs(filters);
  // Buttons from the server's abilities (the first page carries what the caller's role may do).
  const canCreate = jobs.data?.abilities.create ?? false;
  const canImport = jobs.data?.abilities.import ?? false;
  const canExport = jobs.data?.abilities.export ?? false;
  const [q, setQ] = useState(filters.q ?? '');
  const exportHref = `/api/jobs/export${serializeQuery({ status: filters.status, q: filters.q })}`;
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Work orders assigned to your contractors, by due date."
        actions={
          <>
            {canExport ? <ExportButton url={exportHref} fileName="jobs.csv" label="Export CSV" /> : null}
            <ButtonLink variant="secondary" href="/app/jobs/templates">
              Templates
            </ButtonLink>
            {canImport ? (
              <ButtonLink variant="secondary" href="/app/jobs/import">
                Import CSV
              </ButtonLink>
            ) : null}
            {canCreate ? <ButtonLink href="/app/jobs/new">New job</ButtonLink> : null}
          </>
        }
      />
      <form
        className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          onFiltersChange({ ...filters, q: q.trim() || undefined });
        }}
      >
        <SelectField
          label="Status"
          options={statusOptions}
          value={filters.status ?? 'all'}
          onChange={(value) => onFiltersChange({ ...filters, status: value === 'all' || !value ? undefined : (value as JobStatus) })}
        />
        <TextField label="Search site, address, PO, description" value={q} onChange={setQ} type="search" />
        <button type="submit" className="sr-only">
          Search
        </button>
      </form>
      <QueryView query={jobs} loadingLabel="Loading jobs…">
        {(data) => {
          const { items } = data;
          if (items.length === 0)
            return (
              <EmptyState
                icon={ClipboardList}
                title={filters.status || filters.q ? 'No job matches these filters' : 'No jobs yet'}
                description={
                  canCreate
                    ? 'Create a job for one of your contractors, or import many from a CSV file.'
                    : 'Jobs your organization creates appear here.'
                }
              />
            );
          return (
            <>
              <Table label="Jobs">
                <TableHead>
                  <Th>Job</Th>
                  <Th>Status</Th>
                  <Th>Contractor</Th>
                  <Th>Due</Th>
                  <Th>Scheduled</Th>
                </TableHead>
                <TableBody>
                  {items.map((job) => (
                    <Tr key={job.id} highlight={job.overdue}>
                      <Td label="Job">
                        <TextLink href={`/app/jobs/${job.id}`}>
                          {job.number}: {job.siteName}
                        </TextLink>
                      </Td>
                      <Td label="Status">
                        <JobStatusBadge status={job.status} />
                      </Td>
                      <Td label="Contractor">{job.contractor.name}</Td>
                      <Td label="Due">
                        {formatDay(job.dueOn)}
                        {job.overdue ? ' (overdue)' : ''}
                      </Td>
                      <Td label="Scheduled">{job.scheduledOn ? formatDay(job.scheduledOn) : '—'}</Td>
                    </Tr>
                  ))}
                </TableBody>
              </Table>
              <LoadMore query={jobs} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

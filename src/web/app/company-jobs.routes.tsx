import { createRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { JobFilters } from '../features/jobs/api/job.keys.ts';
import { companyRoute } from './company.routes.tsx';
import { validateJobSearch } from './job.search.ts';
import { CompanyJobsPage, CreateJobPage, DeskSiteWork, JobDetailPage, withPages } from './lazy.pages.ts';

const jobsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs',
  validateSearch: validateJobSearch,
  component: withPages(function CompanyJobsRoute() {
    const search = jobsRoute.useSearch();
    const navigate = jobsRoute.useNavigate();
    const changeFilters = useCallback(
      (next: JobFilters) => void navigate({ search: { status: next.status, q: next.q }, replace: true }),
      [navigate],
    );
    return <CompanyJobsPage filters={search} onFiltersChange={changeFilters} />;
  }, CompanyJobsPage),
});

const newJobRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/new',
  component: withPages(function NewJobRoute() {
    const navigate = newJobRoute.useNavigate();
    return <CreateJobPage onCreated={(id) => void navigate({ to: '/app/jobs/$jobId', params: { jobId: id } })} />;
  }, CreateJobPage),
});

const jobDetailRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/$jobId',
  component: withPages(
    function CompanyJobRoute() {
      const { jobId } = jobDetailRoute.useParams();
      return (
        <JobDetailPage
          jobId={jobId}
          side="company"
          back={{ href: '/app/jobs', label: 'All jobs' }}
          siteWork={<DeskSiteWork jobId={jobId} withPreferences={false} />}
        />
      );
    },
    JobDetailPage,
    DeskSiteWork,
  ),
});

/** The company's job pages: the list (filters in the URL), a new job, a job. */
export const companyJobRoutes = [jobsRoute, newJobRoute, jobDetailRoute] as const;

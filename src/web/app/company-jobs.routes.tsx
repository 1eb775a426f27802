import { createRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { JobFilters } from '../features/jobs/api/job.keys.ts';
import { companyRoute } from './company.routes.tsx';
import { validateJobSearch } from './job.search.ts';
import {
  CompanyJobsPage,
  CreateJobPage,
  DeskSiteWork,
  ImportJobsPage,
  JobDetailPage,
  TemplateEditorPage,
  TemplatesPage,
  withPages,
} from './lazy.pages.ts';

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

const importJobsRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/import',
  component: withPages(function ImportJobsRoute() {
    return <ImportJobsPage />;
  }, ImportJobsPage),
});

const templatesRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/templates',
  component: withPages(function TemplatesRoute() {
    return <TemplatesPage />;
  }, TemplatesPage),
});

const newTemplateRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/templates/new',
  component: withPages(function NewTemplateRoute() {
    const navigate = newTemplateRoute.useNavigate();
    return (
      <TemplateEditorPage
        onSaved={(id) => void navigate({ to: '/app/jobs/templates/$templateId', params: { templateId: id } })}
        onDeleted={() => void navigate({ to: '/app/jobs/templates' })}
      />
    );
  }, TemplateEditorPage),
});

const templateRoute = createRoute({
  getParentRoute: () => companyRoute,
  path: 'jobs/templates/$templateId',
  component: withPages(function TemplateRoute() {
    const { templateId } = templateRoute.useParams();
    const navigate = templateRoute.useNavigate();
    return (
      <TemplateEditorPage
        templateId={templateId}
        onSaved={() => undefined}
        onDeleted={() => void navigate({ to: '/app/jobs/templates' })}
      />
    );
  }, TemplateEditorPage),
});

/** The company's job pages: the list (filters in the URL), a new job, CSV import, templates, a job. */
export const companyJobRoutes = [
  jobsRoute,
  newJobRoute,
  importJobsRoute,
  templatesRoute,
  newTemplateRoute,
  templateRoute,
  jobDetailRoute,
] as const;

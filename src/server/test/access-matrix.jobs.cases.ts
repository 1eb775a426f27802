/*
 * The access matrix's cases for jobs and job templates (issue 12): every route called with
 * organization A's job (assigned to contractor X, with a document and tasks) and template.
 */
import type { Case } from './access-matrix.types.ts';

const event = (path: string, body: unknown = {}): Case => ({
  expect: 'notFound',
  build: (v) => ({ url: `/api/jobs/${v.jobId}/${path}`, body }),
});

export const jobCases: Record<string, Case> = {
  'GET /api/jobs': { expect: 'ownScope', build: () => ({ url: '/api/jobs?limit=200' }) },
  'GET /api/jobs/export': {
    expect: 'ownScope',
    build: () => ({ url: '/api/jobs/export' }),
    verify: (body) => (body.includes('Victim Site') ? 'the export lists the victim job' : null),
  },
  'POST /api/jobs/import': { expect: 'ownScope', build: () => ({ url: '/api/jobs/import?mode=import', multipart: true }) },
  'POST /api/jobs': {
    expect: 'ownScope',
    build: (v) => ({
      url: '/api/jobs',
      body: { engagementId: v.engagementId, siteName: 'Sneaky', siteAddress: 'Nowhere', dueOn: '2027-01-01', templateId: v.jobTemplateId },
    }),
  },
  'GET /api/jobs/:id': { expect: 'notFound', build: (v) => ({ url: `/api/jobs/${v.jobId}` }) },
  'PATCH /api/jobs/:id': { expect: 'notFound', build: (v) => ({ url: `/api/jobs/${v.jobId}`, body: { siteName: 'Changed' } }) },
  'POST /api/jobs/:id/documents': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/jobs/${v.jobId}/documents`, body: { fileIds: [v.fileId] } }),
  },
  'POST /api/jobs/:id/accept': event('accept'),
  'POST /api/jobs/:id/reject': event('reject', { reason: 'No' }),
  'POST /api/jobs/:id/reassign': event('reassign'),
  'POST /api/jobs/:id/schedule': event('schedule', { scheduledOn: '2027-01-01' }),
  'POST /api/jobs/:id/complete': {
    expect: 'notFound',
    build: (v) => ({
      url: `/api/jobs/${v.jobId}/complete`,
      body: { performedOn: '2026-11-30', documents: [{ fileId: v.fileId, kind: 'report' }] },
    }),
  },
  'POST /api/jobs/:id/close': event('close'),
  'POST /api/jobs/:id/send-back': event('send-back', { reason: 'No' }),
  'POST /api/jobs/:id/cancel': event('cancel', { reason: 'No' }),
  'POST /api/jobs/:id/archive': event('archive'),
  'GET /api/job-templates': { expect: 'ownScope', build: () => ({ url: '/api/job-templates' }) },
  'POST /api/job-templates': { expect: 'ownScope', build: () => ({ url: '/api/job-templates', body: { name: 'Matrix template' } }) },
  'GET /api/job-templates/:id': { expect: 'notFound', build: (v) => ({ url: `/api/job-templates/${v.jobTemplateId}` }) },
  'PATCH /api/job-templates/:id': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/job-templates/${v.jobTemplateId}`, body: { name: 'Changed', tasks: [] } }),
  },
  'DELETE /api/job-templates/:id': { expect: 'notFound', build: (v) => ({ url: `/api/job-templates/${v.jobTemplateId}` }) },
};

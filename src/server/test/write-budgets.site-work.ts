import { insertSiteJob, performBody, photoPng, signatureBase64, uploadAs } from './site-work.fixtures.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor } from './world.ts';

/* The technician on site (issue 10): each write route with its statement budget (write-budgets.test.ts runs them). */

export const siteWorkBudgetCases: Case[] = [
  {
    route: 'POST /api/jobs/:id/on-site',
    budget: 13,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w);
      return () => clientFor(t, w.xTech).post(`/api/jobs/${job.id}/on-site`, { location: { latitude: 1, longitude: 2, accuracyM: 5 } });
    },
  },
  {
    route: 'POST /api/jobs/:id/revisit',
    budget: 14,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w, { status: 'in_progress' });
      return () => clientFor(t, w.xTech).post(`/api/jobs/${job.id}/revisit`, { reason: 'No access' });
    },
  },
  {
    route: 'PUT /api/jobs/:id/tasks/:taskId/answer',
    budget: 12,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w, { status: 'in_progress' });
      return () =>
        clientFor(t, w.xTech).request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, {
          result: 'fail',
          defects: [
            { description: 'One', severity: 'low' },
            { description: 'Two', severity: 'high' },
          ],
          remarks: 'Counted',
        });
    },
  },
  {
    route: 'POST /api/jobs/:id/tasks/:taskId/photos',
    budget: 13,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w, { status: 'in_progress' });
      const fileId = await uploadAs(t, w.xTech, photoPng);
      return () => clientFor(t, w.xTech).post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId });
    },
  },
  {
    route: 'DELETE /api/jobs/:id/tasks/:taskId/photos/:photoId',
    budget: 7,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w, { status: 'in_progress' });
      const fileId = await uploadAs(t, w.xTech, photoPng);
      const photo = await clientFor(t, w.xTech).post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId });
      return () => clientFor(t, w.xTech).request('DELETE', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos/${photo.json().id}`);
    },
  },
  {
    route: 'POST /api/jobs/:id/performed (with the report)',
    budget: 39,
    prepare: async (t, w) => {
      const job = await insertSiteJob(t, w, { status: 'in_progress' });
      const tech = clientFor(t, w.xTech);
      await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'pass' });
      await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'pass' });
      await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: await uploadAs(t, w.xTech, photoPng) });
      return () => tech.post(`/api/jobs/${job.id}/performed`, performBody);
    },
  },
  {
    route: 'PUT /api/preferences/mobile',
    budget: 6,
    prepare: async (t, w) => () => clientFor(t, w.xOffice).request('PUT', '/api/preferences/mobile', { mobile: '+61400000000' }),
  },
  {
    route: 'PUT /api/preferences/signature',
    budget: 7,
    prepare: async (t, w) => () => clientFor(t, w.xOffice).request('PUT', '/api/preferences/signature', { signaturePng: signatureBase64 }),
  },
  {
    route: 'DELETE /api/preferences/signature',
    budget: 6,
    prepare: async (t, w) => {
      await clientFor(t, w.xTech).request('PUT', '/api/preferences/signature', { signaturePng: signatureBase64 });
      return () => clientFor(t, w.xTech).request('DELETE', '/api/preferences/signature');
    },
  },
];

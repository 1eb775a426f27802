/* The statement budgets of the job write routes (issue 12), counted by write-budgets.test.ts. */
import { createId } from '../lib/ids.ts';
import { createJob, jobInput, uploadFor as uploadForJob } from './jobs.work.ts';
import type { TestApp } from './test-app.ts';
import { type Client, clientFor, type World } from './world.ts';

type Reply = Awaited<ReturnType<Client['get']>>;

export const jobBudgetCases: Array<{ route: string; budget: number; prepare(t: TestApp, w: World): Promise<() => Promise<Reply>> }> = [
  {
    route: 'POST /api/jobs (from a template, with a document)',
    budget: 20,
    prepare: async (t, w) => {
      const template = await clientFor(t, w.aOwner).post('/api/job-templates', {
        name: `Budget ${createId()}`,
        tasks: [{ title: 'One' }, { title: 'Two' }],
      });
      const fileId = await uploadForJob(t, w.aOwner, w.engagementAX);
      return () =>
        clientFor(t, w.aOwner).post('/api/jobs', jobInput(w.engagementAX, { templateId: template.json().id, fileIds: [fileId] }));
    },
  },
  {
    route: 'POST /api/jobs/:id/accept',
    budget: 12,
    prepare: async (t, w) => {
      const id = await createJob(t, w);
      return () => clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, { targetOn: '2027-01-10' });
    },
  },
  {
    route: 'POST /api/jobs/:id/complete',
    budget: 15,
    prepare: async (t, w) => {
      const id = await createJob(t, w);
      await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, {});
      const fileId = await uploadForJob(t, w.xAdmin, w.engagementAX);
      return () =>
        clientFor(t, w.xAdmin).post(`/api/jobs/${id}/complete`, { performedOn: '2026-11-30', documents: [{ fileId, kind: 'invoice' }] });
    },
  },
];

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createJobSchema } from '../../../../shared/schemas/job.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import type { JobDetail } from './get-job.query.ts';
import { storeJob } from './job.cache.ts';

export type CreateJobInput = z.input<typeof createJobSchema>;

/** Creates a job on an active engagement: it is assigned to the contractor at once. */
export function createJob(input: CreateJobInput): Promise<JobDetail> {
  return dataOf(api.POST('/api/jobs', { body: input as never }));
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createJob, onSuccess: (job) => storeJob(queryClient, job) });
}

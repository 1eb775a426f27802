import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';
import { technicianKeys } from './technician.keys.ts';

export type JobStaffing = ApiData<'/api/jobs/{id}/technicians', 'get'>;

const staffingKey = (jobId: string) => [...technicianKeys.all, 'job', jobId] as const;

export function getJobStaffing(jobId: string, signal?: AbortSignal): Promise<JobStaffing> {
  return dataOf(api.GET('/api/jobs/{id}/technicians', { params: { path: { id: jobId } }, signal }));
}

export function useJobStaffing(jobId: string) {
  return useQuery({ queryKey: staffingKey(jobId), queryFn: ({ signal }) => getJobStaffing(jobId, signal) });
}

export interface StaffJobInput {
  jobId: string;
  technicianIds: string[];
  scheduledOn?: string;
  confirmFlags: boolean;
}

export function staffJob({ jobId, technicianIds, scheduledOn, confirmFlags }: StaffJobInput): Promise<JobStaffing> {
  return dataOf(
    api.PUT('/api/jobs/{id}/technicians', {
      params: { path: { id: jobId } },
      body: { technicianIds, confirmFlags, ...(scheduledOn ? { scheduledOn } : {}) },
    }),
  );
}

/** Puts technicians on a job; the job (its status and date) and the desk change with it. */
export function useStaffJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: staffJob,
    onSuccess: (staffing) => {
      queryClient.setQueryData(staffingKey(staffing.jobId), staffing);
      void queryClient.invalidateQueries({ queryKey: queryRoots.jobs });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}

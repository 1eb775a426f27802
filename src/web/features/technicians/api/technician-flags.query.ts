import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { technicianKeys } from './technician.keys.ts';
import type { TechnicianFlagsAnswer } from './technician.types.ts';

export function getTechnicianFlags(
  input: { jobIds: readonly string[]; scheduledOn: string | null; q: string },
  signal?: AbortSignal,
): Promise<TechnicianFlagsAnswer> {
  return dataOf(
    api.POST('/api/technicians/flags', {
      body: { jobIds: [...input.jobIds], scheduledOn: input.scheduledOn, q: input.q || undefined, limit: 100 },
      signal,
    }),
  );
}

/** The crew with accreditation flags for these jobs, judged on the date about to be set (or each job's own). */
export function useTechnicianFlags(jobIds: readonly string[], scheduledOn: string | null, q = '') {
  return useQuery({
    queryKey: technicianKeys.flags(jobIds, scheduledOn, q),
    queryFn: ({ signal }) => getTechnicianFlags({ jobIds, scheduledOn, q }, signal),
    placeholderData: keepPreviousData,
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { etagOf } from '../../../../shared/domain/version.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { getMilestone } from './get-milestone.query.ts';
import { storeMilestone } from './milestone.cache.ts';
import { milestoneKeys } from './milestone.keys.ts';
import type { MilestoneDetail, UpdateMilestoneInput } from './milestone.types.ts';

/**
 * Amount and due date are frozen once the milestone is approved. `version` is the one the person
 * edited: a newer one on the server answers 412 STALE_VERSION.
 */
export function updateMilestone({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: UpdateMilestoneInput;
}): Promise<MilestoneDetail> {
  return dataOf(api.PATCH('/api/milestones/{id}', { params: { path: { id }, header: { 'if-match': etagOf(version) } }, body: changes }));
}

export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateMilestone, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}

/** Saves against the version shown; when someone saved first, reloads the milestone and offers to re-apply. */
export function useMilestoneEdit(id: string) {
  const update = useUpdateMilestone();
  const queryClient = useQueryClient();
  return useStaleVersion<MilestoneDetail, UpdateMilestoneInput>({
    save: (version, changes) => update.mutateAsync({ id, version, changes }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: milestoneKeys.detail(id), queryFn: ({ signal }) => getMilestone(id, signal), staleTime: 0 }),
  });
}

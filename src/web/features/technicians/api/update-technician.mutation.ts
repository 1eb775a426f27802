import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { etagOf } from '../../../../shared/domain/version.ts';
import type { updateTechnicianSchema } from '../../../../shared/schemas/technician.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { getTechnician } from './get-technician.query.ts';
import { technicianKeys } from './technician.keys.ts';
import type { TechnicianDetail } from './technician.types.ts';

export type TechnicianChanges = z.output<typeof updateTechnicianSchema>;

export function updateTechnician({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: TechnicianChanges;
}): Promise<TechnicianDetail> {
  return dataOf(api.PATCH('/api/technicians/{id}', { params: { path: { id }, header: { 'if-match': etagOf(version) } }, body: changes }));
}

/** Saves against the version shown; when someone saved first, reloads and offers to re-apply. */
export function useTechnicianEdit(id: string) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: updateTechnician,
    onSuccess: (technician) => {
      queryClient.setQueryData(technicianKeys.detail(id), technician);
      void queryClient.invalidateQueries({ queryKey: technicianKeys.all });
    },
  });
  const edit = useStaleVersion<TechnicianDetail, TechnicianChanges>({
    save: (version, changes) => update.mutateAsync({ id, version, changes }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: technicianKeys.detail(id), queryFn: ({ signal }) => getTechnician(id, signal), staleTime: 0 }),
  });
  return { ...edit, isPending: update.isPending };
}

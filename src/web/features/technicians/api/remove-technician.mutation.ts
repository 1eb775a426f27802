import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';
import { technicianKeys } from './technician.keys.ts';

export function removeTechnician(id: string): Promise<{ ok: true }> {
  return dataOf(api.DELETE('/api/technicians/{id}', { params: { path: { id } } }));
}

export function useRemoveTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTechnician,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: technicianKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: technicianKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.contractorTeam });
      void queryClient.invalidateQueries({ queryKey: queryRoots.invitations });
    },
  });
}

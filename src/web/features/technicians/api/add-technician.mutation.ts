import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { addTechnicianSchema } from '../../../../shared/schemas/technician.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';
import { technicianKeys } from './technician.keys.ts';
import type { TechnicianDetail } from './technician.types.ts';

export function addTechnician(input: z.output<typeof addTechnicianSchema>): Promise<TechnicianDetail> {
  return dataOf(api.POST('/api/technicians', { body: input }));
}

export function useAddTechnician() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTechnician,
    onSuccess: (technician) => {
      queryClient.setQueryData(technicianKeys.detail(technician.id), technician);
      void queryClient.invalidateQueries({ queryKey: technicianKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.contractorTeam });
      void queryClient.invalidateQueries({ queryKey: queryRoots.invitations });
    },
  });
}

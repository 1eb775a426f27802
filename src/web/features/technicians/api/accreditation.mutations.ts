import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { etagOf } from '../../../../shared/domain/version.ts';
import type { addAccreditationSchema, updateAccreditationSchema } from '../../../../shared/schemas/technician.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { technicianKeys } from './technician.keys.ts';
import type { AccreditationView } from './technician.types.ts';

export type NewAccreditation = z.output<typeof addAccreditationSchema>;
export type AccreditationChanges = z.output<typeof updateAccreditationSchema>;

export function addAccreditation({ technicianId, input }: { technicianId: string; input: NewAccreditation }): Promise<AccreditationView> {
  return dataOf(api.POST('/api/technicians/{id}/accreditations', { params: { path: { id: technicianId } }, body: input }));
}

export function updateAccreditation({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: AccreditationChanges;
}): Promise<AccreditationView> {
  return dataOf(
    api.PATCH('/api/accreditations/{id}', { params: { path: { id }, header: { 'if-match': etagOf(version) } }, body: changes }),
  );
}

export function getAccreditation(id: string, signal?: AbortSignal): Promise<AccreditationView> {
  return dataOf(api.GET('/api/accreditations/{id}', { params: { path: { id } }, signal }));
}

export function removeAccreditation(id: string): Promise<{ ok: true }> {
  return dataOf(api.DELETE('/api/accreditations/{id}', { params: { path: { id } } }));
}

/** Any change to a technician's accreditations: their page and every flag shown change with it. */
function useRefreshTechnicians() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: technicianKeys.all });
}

export function useAddAccreditation() {
  const refresh = useRefreshTechnicians();
  return useMutation({ mutationFn: addAccreditation, onSuccess: refresh });
}

export function useUpdateAccreditation() {
  const refresh = useRefreshTechnicians();
  return useMutation({ mutationFn: updateAccreditation, onSuccess: refresh });
}

export function useRemoveAccreditation() {
  const refresh = useRefreshTechnicians();
  return useMutation({ mutationFn: removeAccreditation, onSuccess: refresh });
}

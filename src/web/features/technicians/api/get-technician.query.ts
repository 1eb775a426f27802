import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { technicianKeys } from './technician.keys.ts';
import type { TechnicianDetail } from './technician.types.ts';

export function getTechnician(id: string, signal?: AbortSignal): Promise<TechnicianDetail> {
  return dataOf(api.GET('/api/technicians/{id}', { params: { path: { id } }, signal }));
}

export function useTechnician(id: string) {
  return useQuery({ queryKey: technicianKeys.detail(id), queryFn: ({ signal }) => getTechnician(id, signal) });
}

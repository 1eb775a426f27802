import { queryRoots } from '../../../lib/query.roots.ts';

export const technicianKeys = {
  all: queryRoots.technicians,
  list: (q: string) => [...queryRoots.technicians, 'list', q] as const,
  detail: (id: string) => [...queryRoots.technicians, 'detail', id] as const,
  flags: (jobIds: readonly string[], scheduledOn: string | null, q: string) =>
    [...queryRoots.technicians, 'flags', [...jobIds].sort().join(','), scheduledOn, q] as const,
};

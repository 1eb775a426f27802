import type { DeskSearch } from '../../../app/desk.search.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export const deskKeys = {
  all: queryRoots.desk,
  options: [...queryRoots.desk, 'options'] as const,
  list: (search: DeskSearch) => [...queryRoots.desk, 'list', search] as const,
  technicianFlags: (selection: unknown, scheduledOn: string | undefined) =>
    [...queryRoots.desk, 'technician-flags', selection, scheduledOn] as const,
};

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import type { BulkEditBody } from './desk.bulk.mutation.ts';
import { deskKeys } from './desk.keys.ts';

export type TechnicianFlags = ApiData<'/api/desk/jobs/technician-flags', 'post'>;
export type DeskSelection = BulkEditBody['selection'];

/** The contractor's technicians with their accreditation flags for the selected jobs, on the date about to be set. */
export function useTechnicianFlags(selection: DeskSelection | null, scheduledOn: string | undefined) {
  return useQuery({
    queryKey: deskKeys.technicianFlags(selection, scheduledOn),
    queryFn: ({ signal }) =>
      dataOf(api.POST('/api/desk/jobs/technician-flags', { body: { selection: selection as DeskSelection, scheduledOn }, signal })),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
  });
}

import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { organizationKeys } from './organization.keys.ts';

export type StaffPage = ApiData<'/api/staff', 'get'>;
export type StaffMember = StaffPage['items'][number];

export function listStaff(signal?: AbortSignal): Promise<StaffPage> {
  return dataOf(api.GET('/api/staff', { signal }));
}

export function useStaff() {
  return useQuery({ queryKey: organizationKeys.staff, queryFn: ({ signal }) => listStaff(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { staffMemberSchema } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { organizationKeys } from './organization.keys.ts';

export type StaffMember = z.infer<typeof staffMemberSchema>;

export function listStaff(signal?: AbortSignal): Promise<{ items: StaffMember[] }> {
  return getJson<{ items: StaffMember[] }>('/api/staff', undefined, signal);
}

export function useStaff() {
  return useQuery({ queryKey: organizationKeys.staff, queryFn: ({ signal }) => listStaff(signal) });
}

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organizationSchema } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { organizationKeys } from './organization.keys.ts';

export type Organization = z.infer<typeof organizationSchema>;

export function getCurrentOrganization(signal?: AbortSignal): Promise<Organization> {
  return getJson<Organization>('/api/organizations/current', undefined, signal);
}

/** The organization the staff member acts for, with what they may do in it (`abilities`). */
export function useCurrentOrganization() {
  return useQuery({ queryKey: organizationKeys.current, queryFn: ({ signal }) => getCurrentOrganization(signal) });
}

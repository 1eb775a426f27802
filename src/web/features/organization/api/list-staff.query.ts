import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { staffMemberSchema } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE, type Paged } from '../../../lib/paging.ts';
import { organizationKeys } from './organization.keys.ts';

export type StaffMember = z.infer<typeof staffMemberSchema>;

/** In the order they joined, a page at a time. */
export function listStaff(cursor: string | undefined, signal?: AbortSignal): Promise<Paged<StaffMember>> {
  return getJson<Paged<StaffMember>>('/api/staff', { limit: PAGE_SIZE, cursor }, signal);
}

export function useStaff() {
  return useInfiniteQuery({
    queryKey: organizationKeys.staff,
    queryFn: ({ pageParam, signal }) => listStaff(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { etagOf } from '../../../../shared/domain/version.ts';
import type { contractorProfileInputSchema } from '../../../../shared/schemas/invoice.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { invoiceKeys } from './invoice.keys.ts';
import type { ContractorProfile } from './invoice.types.ts';

export type ProfileChanges = z.input<typeof contractorProfileInputSchema>;

export function getContractorProfile(signal?: AbortSignal): Promise<ContractorProfile> {
  return dataOf(api.GET('/api/contractor/profile', { signal }));
}

/** The contractor's business details (version 0 until first saved). */
export function useContractorProfile() {
  return useQuery({ queryKey: invoiceKeys.profile, queryFn: ({ signal }) => getContractorProfile(signal) });
}

/** Saves against the version shown; when someone saved first, reloads and offers to re-apply. */
export function useProfileEdit() {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: ProfileChanges }) =>
      dataOf(api.PATCH('/api/contractor/profile', { params: { header: { 'if-match': etagOf(version) } }, body: changes })),
    onSuccess: (profile) => queryClient.setQueryData(invoiceKeys.profile, profile),
  });
  return useStaleVersion<ContractorProfile, ProfileChanges>({
    save: (version, changes) => update.mutateAsync({ version, changes }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: invoiceKeys.profile, queryFn: ({ signal }) => getContractorProfile(signal), staleTime: 0 }),
  });
}

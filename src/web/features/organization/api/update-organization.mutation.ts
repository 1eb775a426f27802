import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import type { z } from 'zod';
import type { updateOrganizationSchema } from '../../../../shared/schemas/organization.schema.ts';
import { etagOf } from '../../../../shared/domain/version.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { getCurrentOrganization, type Organization } from './get-current-organization.query.ts';
import { organizationKeys } from './organization.keys.ts';

export type OrganizationChanges = z.infer<typeof updateOrganizationSchema>;

/** `version` is the one the person edited: a newer one on the server answers 412 STALE_VERSION. */
export function updateOrganization({ version, changes }: { version: number; changes: OrganizationChanges }): Promise<Organization> {
  return dataOf(api.PATCH('/api/organizations/current', { params: { header: { 'if-match': etagOf(version) } }, body: changes }));
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKeys.current, organization);
      // The name shows in the workspace switcher, and 2FA rules change what the session may do.
      void queryClient.invalidateQueries();
    },
  });
}

/** Saves settings against the version shown; when someone saved first, reloads and offers to re-apply. */
export function useOrganizationEdit() {
  const update = useUpdateOrganization();
  const queryClient = useQueryClient();
  return useStaleVersion<Organization, OrganizationChanges>({
    save: (version, changes) => update.mutateAsync({ version, changes }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: organizationKeys.current, queryFn: ({ signal }) => getCurrentOrganization(signal), staleTime: 0 }),
  });
}

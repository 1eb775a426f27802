import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { updateOrganizationSchema } from '../../../../shared/schemas/organization.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import type { Organization } from './get-current-organization.query.ts';
import { organizationKeys } from './organization.keys.ts';

export type OrganizationChanges = z.infer<typeof updateOrganizationSchema>;

export function updateOrganization(changes: OrganizationChanges): Promise<Organization> {
  return dataOf(api.PATCH('/api/organizations/current', { body: changes }));
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

import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { deskKeys } from './desk.keys.ts';

export interface DeskOption {
  id: string;
  label: string;
}

/** The filters' choices: the organizations engaging the contractor (first 200) and its technicians. */
export function useDeskOptions() {
  return useQuery({
    queryKey: deskKeys.options,
    queryFn: async ({ signal }) => {
      const [engagements, team] = await Promise.all([
        dataOf(api.GET('/api/engagements', { params: { query: { limit: 200 } }, signal })),
        dataOf(api.GET('/api/contractor/team', { signal })),
      ]);
      const organizations = new Map(engagements.items.map((e) => [e.organization.id, e.organization.name]));
      return {
        organizations: [...organizations].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
        technicians: team.technicians.map((t) => ({ id: t.id, label: t.name })).sort((a, b) => a.label.localeCompare(b.label)),
      };
    },
    staleTime: 60_000,
  });
}

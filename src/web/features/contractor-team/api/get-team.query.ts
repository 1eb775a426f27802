import { useQuery } from '@tanstack/react-query';
import type { ContractorMemberRole } from '../../../../shared/domain/roles.ts';
import { getJson } from '../../../lib/api.client.ts';

export interface ContractorTeam {
  members: Array<{ id: string; userId: string; name: string; email: string; role: ContractorMemberRole }>;
  technicians: Array<{ id: string; userId: string; name: string; email: string }>;
  abilities: Record<string, boolean>;
}

export const teamQueryKey = ['contractor-team'] as const;

export function getTeam(signal?: AbortSignal): Promise<ContractorTeam> {
  return getJson<ContractorTeam>('/api/contractor/team', undefined, signal);
}

export function useContractorTeam() {
  return useQuery({ queryKey: teamQueryKey, queryFn: ({ signal }) => getTeam(signal) });
}

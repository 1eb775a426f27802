import type { ContractStatus } from '../../../../shared/domain/contract.machine.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

export const contractStatusLooks: Record<ContractStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'amber' },
  active: { label: 'Active', tone: 'green' },
  ended: { label: 'Ended', tone: 'neutral' },
  terminated: { label: 'Terminated', tone: 'red' },
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const look = contractStatusLooks[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export const contractStatusOptions = [
  { id: 'all', label: 'All statuses' },
  { id: 'draft', label: 'Draft' },
  { id: 'active', label: 'Active' },
  { id: 'ended', label: 'Ended' },
  { id: 'terminated', label: 'Terminated' },
] as const;

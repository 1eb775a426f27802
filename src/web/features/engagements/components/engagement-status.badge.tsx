import type { EngagementStatus } from '../../../../shared/domain/roles.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const looks: Record<EngagementStatus, { label: string; tone: BadgeTone }> = {
  invited: { label: 'Invited', tone: 'amber' },
  active: { label: 'Active', tone: 'green' },
  ended: { label: 'Ended', tone: 'neutral' },
};

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  const look = looks[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export const statusOptions = [
  { id: 'all', label: 'All statuses' },
  { id: 'invited', label: 'Invited' },
  { id: 'active', label: 'Active' },
  { id: 'ended', label: 'Ended' },
] as const;

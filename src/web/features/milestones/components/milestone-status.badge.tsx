import { AlertTriangle } from 'lucide-react';
import { type MilestoneStatus, milestoneStatusLabels } from '../../../../shared/domain/milestone.machine.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const tones: Record<MilestoneStatus, BadgeTone> = {
  open: 'neutral',
  submitted: 'blue',
  changes_requested: 'amber',
  approved: 'green',
  paid: 'green',
};

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  return <Badge tone={tones[status]}>{milestoneStatusLabels[status]}</Badge>;
}

/** Overdue says so in words and with an icon, not by colour alone. */
export function OverdueBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-300 ring-inset">
      <AlertTriangle aria-hidden="true" className="size-3.5" />
      Overdue
    </span>
  );
}

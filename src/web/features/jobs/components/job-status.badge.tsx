import { type JobStatus, jobStatusLabels } from '../../../../shared/domain/job.machine.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';

const tones: Partial<Record<JobStatus, BadgeTone>> = {
  assigned: 'blue',
  rejected: 'red',
  revisit: 'amber',
  performed_need_docs: 'amber',
  performed: 'blue',
  closed: 'green',
  cancelled: 'neutral',
  archived: 'neutral',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={tones[status] ?? 'neutral'}>{jobStatusLabels[status]}</Badge>;
}

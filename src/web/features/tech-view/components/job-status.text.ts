import { jobStatusLabels } from '../../../../shared/domain/job.machine.ts';
import type { BadgeTone } from '../../../components/ui/badge.tsx';
import type { MyJob } from '../api/list-my-jobs.query.ts';

export function statusLabel(status: MyJob['status']): string {
  return jobStatusLabels[status];
}

export function statusTone(status: MyJob['status']): BadgeTone {
  if (status === 'in_progress') return 'blue';
  if (status === 'revisit') return 'amber';
  if (status === 'performed_need_docs') return 'green';
  return 'neutral';
}

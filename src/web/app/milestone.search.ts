import { type MilestoneStatus, milestoneStatuses } from '../../shared/domain/milestone.machine.ts';

export interface MilestoneSearch {
  view?: 'pending' | 'approved';
  status?: MilestoneStatus;
  contractorId?: string;
  contractId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;

function pick(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/** The milestone list's tab and filters, read from the URL: anything unknown is dropped. */
export function validateMilestoneSearch(search: Record<string, unknown>): MilestoneSearch {
  return {
    view: search.view === 'approved' ? 'approved' : search.view === 'pending' ? 'pending' : undefined,
    status: milestoneStatuses.find((s) => s === search.status),
    contractorId: pick(search.contractorId, uuid),
    contractId: pick(search.contractId, uuid),
    dueFrom: pick(search.dueFrom, day),
    dueTo: pick(search.dueTo, day),
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
  };
}

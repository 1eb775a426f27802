import { type JobStatus, jobStatuses } from '../../shared/domain/job.machine.ts';
import { type DeskSort, deskSorts } from '../../shared/domain/job-desk.ts';

/** The desk view's sort, filters and search as they live in the URL (a view can be bookmarked). */
export interface DeskSearch {
  sort?: DeskSort;
  dir?: 'asc' | 'desc';
  status?: JobStatus[];
  organizationId?: string;
  technicianId?: string;
  dueFrom?: string;
  dueTo?: string;
  scheduled?: 'true' | 'false';
  overdue?: true;
  needsAction?: true;
  q?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;

function pick(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

function isOn(value: unknown): true | undefined {
  return value === true || value === 'true' ? true : undefined;
}

function statusesOf(value: unknown): JobStatus[] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const statuses = jobStatuses.filter((s) => list.includes(s));
  return statuses.length > 0 ? statuses : undefined;
}

/** The desk view's state, read from the URL: anything unknown is dropped. */
export function validateDeskSearch(search: Record<string, unknown>): DeskSearch {
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  const scheduled =
    search.scheduled === 'true' || search.scheduled === true
      ? 'true'
      : search.scheduled === 'false' || search.scheduled === false
        ? 'false'
        : undefined;
  return {
    sort: deskSorts.find((s) => s === search.sort),
    dir: search.dir === 'desc' ? 'desc' : search.dir === 'asc' ? 'asc' : undefined,
    status: statusesOf(search.status),
    organizationId: pick(search.organizationId, uuid),
    technicianId: pick(search.technicianId, uuid),
    dueFrom: pick(search.dueFrom, day),
    dueTo: pick(search.dueTo, day),
    scheduled,
    overdue: isOn(search.overdue),
    needsAction: isOn(search.needsAction),
    q,
  };
}

/** The filter object the API takes (the list's query string, and a bulk request's "all that match"). */
export function deskFilterOf(search: DeskSearch) {
  return {
    status: search.status?.length ? search.status.join(',') : undefined,
    organizationId: search.organizationId,
    technicianId: search.technicianId,
    dueFrom: search.dueFrom,
    dueTo: search.dueTo,
    scheduled: search.scheduled,
    overdue: search.overdue ? ('true' as const) : undefined,
    needsAction: search.needsAction ? ('true' as const) : undefined,
    q: search.q,
  };
}

export function hasDeskFilters(search: DeskSearch): boolean {
  const { sort: _sort, dir: _dir, ...filters } = search;
  return Object.values(filters).some((value) => value !== undefined);
}

import { type EngagementStatus, engagementStatuses } from '../../shared/domain/roles.ts';

export interface EngagementSearch {
  status?: EngagementStatus;
  q?: string;
}

/** The list filters, read from the URL: anything unknown is dropped. */
export function validateEngagementSearch(search: Record<string, unknown>): EngagementSearch {
  const status = engagementStatuses.find((s) => s === search.status);
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  return { status, q };
}

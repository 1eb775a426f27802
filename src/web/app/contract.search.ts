import { type ContractStatus, contractStatuses } from '../../shared/domain/contract.machine.ts';

export interface ContractSearch {
  status?: ContractStatus;
  q?: string;
}

/** The contract list's filters, read from the URL: anything unknown is dropped. */
export function validateContractSearch(search: Record<string, unknown>): ContractSearch {
  const status = contractStatuses.find((s) => s === search.status);
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  return { status, q };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "New contract" may come with the engagement chosen (from a contractor's page). */
export function validateNewContractSearch(search: Record<string, unknown>): { engagementId?: string } {
  return { engagementId: typeof search.engagementId === 'string' && uuid.test(search.engagementId) ? search.engagementId : undefined };
}

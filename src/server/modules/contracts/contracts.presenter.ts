import type { Money } from '../../../shared/domain/money.ts';
import type { Actor } from '../../access/actor.ts';
import { contractAbilities, contractRevisionAbilities } from '../../access/policies.ts';
import type { contractRevisions } from '../../db/schema/index.ts';
import type { ContractRow, ContractTerms } from './contracts.terms.ts';

/** Milestone money of a contract, per currency, and its milestones counted by status. */
export type Summary = {
  leftToDeliver: Money[];
  approvedUnpaid: Money[];
  paid: Money[];
  milestones: { open: number; submitted: number; changesRequested: number; approved: number; paid: number };
};

/** The columns a contract list reads: the row but its long texts (scope, IP clause), which only its page shows. */
export type ContractListRow = Omit<ContractRow, 'scopeHtml' | 'ipClause' | 'createdByUserId'>;

/**
 * A contract as a list shows it, with what the actor may do with it. Built field by field: it runs
 * for every row of every contracts page.
 */
export function presentContractListItem(
  actor: Actor,
  row: { contract: ContractListRow; organizationName: string; contractorName: string },
  unacknowledgedRevisions: number,
  summary: Summary,
) {
  const { contract, organizationName, contractorName } = row;
  return {
    title: contract.title,
    rateType: contract.rateType,
    rateAmountMinor: contract.rateAmountMinor,
    currency: contract.currency,
    startDate: contract.startDate,
    endDate: contract.endDate,
    noticePeriodDays: contract.noticePeriodDays,
    id: contract.id,
    status: contract.status,
    revision: contract.revision,
    version: contract.version,
    engagementId: contract.engagementId,
    organization: { id: contract.organizationId, name: organizationName },
    contractor: { id: contract.contractorId, name: contractorName },
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
    // Only an active contract's terms wait for acknowledgement: ended ones have nothing left to agree to.
    unacknowledgedRevisions: contract.status === 'active' ? unacknowledgedRevisions : 0,
    summary,
    abilities: contractAbilities(actor, contract),
  };
}

/** A contract in the API's shape: its list item with the terms' long texts. */
export function presentContract(
  actor: Actor,
  row: { contract: ContractRow; organizationName: string; contractorName: string },
  unacknowledgedRevisions: number,
  summary: Summary,
) {
  const { scopeHtml, ipClause } = row.contract;
  return { ...presentContractListItem(actor, row, unacknowledgedRevisions, summary), scopeHtml, ipClause };
}

/** One revision of the terms, with who made and acknowledged it. */
export function presentRevision(
  actor: Actor,
  row: { revision: typeof contractRevisions.$inferSelect; createdByName: string | null; acknowledgedByName: string | null },
) {
  const { revision, createdByName, acknowledgedByName } = row;
  return {
    id: revision.id,
    number: revision.number,
    kind: revision.kind,
    terms: revision.terms as ContractTerms,
    changes: revision.changes as Record<string, { from: unknown; to: unknown }>,
    note: revision.note,
    createdAt: revision.createdAt.toISOString(),
    createdByName,
    acknowledgedAt: revision.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName,
    abilities: contractRevisionAbilities(actor, revision),
  };
}
